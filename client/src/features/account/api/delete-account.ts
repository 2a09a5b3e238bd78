import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';
import { sessionHint } from '../../auth/lib/session-hint';

/** DELETE /api/account with the re-entered password: the user, their data and files are gone. */
export async function deleteAccount(input: { password: string }): Promise<true> {
  await apiRequest('DELETE', '/account', null, { body: input });
  sessionHint.clear();
  return true;
}

export function useDeleteAccount() {
  return useMutation(deleteAccount);
}
