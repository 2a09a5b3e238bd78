import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

export type ConfirmInput = { email: string; code: string };

/** POST /api/auth/confirm: 204 once the emailed code matches. */
export async function confirmSignUp(input: ConfirmInput): Promise<true> {
  await apiRequest('POST', '/auth/confirm', null, { body: input });
  return true;
}

export function useConfirm() {
  return useMutation(confirmSignUp);
}
