import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

export type ResetPasswordInput = { email: string; code: string; password: string };

/** POST /api/auth/reset-password: 204; a 400 names `code` (wrong or expired) or `password` (too weak). */
export async function resetPassword(input: ResetPasswordInput): Promise<true> {
  await apiRequest('POST', '/auth/reset-password', null, { body: input });
  return true;
}

export function useResetPassword() {
  return useMutation(resetPassword);
}
