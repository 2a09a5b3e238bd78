import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

/** POST /api/auth/resend-confirmation: always 204, so it never reveals whether the email has an account. */
export async function resendConfirmation(input: { email: string }): Promise<true> {
  await apiRequest('POST', '/auth/resend-confirmation', null, { body: input });
  return true;
}

export function useResendConfirmation() {
  return useMutation(resendConfirmation);
}
