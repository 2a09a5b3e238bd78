import { postCommand } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

/** POST /api/auth/forgot-password: always 204 (no account enumeration); a code goes to the email. */
export const forgotPassword = postCommand<{ email: string }>('/auth/forgot-password');

export const useForgotPassword = () => useMutation(forgotPassword);
