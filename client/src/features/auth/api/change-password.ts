import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

export type ChangePasswordInput = { currentPassword: string; newPassword: string };

/** POST /api/auth/change-password: 204; a 400 names `currentPassword` (wrong) or `newPassword` (weak). */
export async function changePassword(input: ChangePasswordInput): Promise<true> {
  await apiRequest('POST', '/auth/change-password', null, { body: input });
  return true;
}

export function useChangePassword() {
  return useMutation(changePassword);
}
