import { postCommand } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

export type ConfirmInput = { email: string; code: string };

/** POST /api/auth/confirm: 204 once the emailed code matches. */
export const confirmSignUp = postCommand<ConfirmInput>('/auth/confirm');

export const useConfirm = () => useMutation(confirmSignUp);
