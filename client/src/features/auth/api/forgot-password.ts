import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

/** POST /api/auth/forgot-password: always 204 (no account enumeration); a code goes to the email. */
export async function forgotPassword(input: { email: string }): Promise<true> {
  await apiRequest('POST', '/auth/forgot-password', null, { body: input });
  return true;
}

export function useForgotPassword() {
  return useMutation(forgotPassword);
}
