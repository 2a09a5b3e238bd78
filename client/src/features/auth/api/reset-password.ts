import { postCommand } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

export type ResetPasswordInput = { email: string; code: string; password: string };

/** POST /api/auth/reset-password: 204; a 400 names `code` (wrong or expired) or `password` (too weak). */
export const resetPassword = postCommand<ResetPasswordInput>('/auth/reset-password');

export const useResetPassword = () => useMutation(resetPassword);
