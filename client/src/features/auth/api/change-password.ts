import { postCommand } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

export type ChangePasswordInput = { currentPassword: string; newPassword: string };

/** POST /api/auth/change-password: 204; a 400 names `currentPassword` (wrong) or `newPassword` (weak). */
export const changePassword = postCommand<ChangePasswordInput>('/auth/change-password');

export const useChangePassword = () => useMutation(changePassword);
