import { z } from 'zod';
import { code, email, registerRequest } from './auth-requests';

/** The same rule as at registration. */
const newPassword = registerRequest.shape.password;

export const resendConfirmationRequest = z.strictObject({ email });
export const forgotPasswordRequest = z.strictObject({ email });

export const resetPasswordRequest = z.strictObject({ email, code, password: newPassword });

export const changePasswordRequest = z
  .strictObject({
    currentPassword: z.string().min(1, 'Enter your current password.').max(256),
    newPassword,
  })
  .refine((b) => b.currentPassword !== b.newPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from the current one.',
  });
