import { postCommand } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

/** POST /api/auth/resend-confirmation: always 204, so it never reveals whether the email has an account. */
export const resendConfirmation = postCommand<{ email: string }>('/auth/resend-confirmation');

export const useResendConfirmation = () => useMutation(resendConfirmation);
