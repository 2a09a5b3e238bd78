import * as z from 'zod/mini';
import { code, email, registerRequest } from './auth-requests';

/** The same rule as at registration. */
const newPassword = registerRequest.shape.password;

export const resendConfirmationRequest = z.strictObject({ email });
export const forgotPasswordRequest = z.strictObject({ email });

export const resetPasswordRequest = z.strictObject({ email, code, password: newPassword });

export const changePasswordRequest = z
  .strictObject({
    currentPassword: z.string().check(z.minLength(1, 'Enter your current password.'), z.maxLength(256)),
    newPassword,
  })
  .check(
    z.refine((b: { currentPassword: string; newPassword: string }) => b.currentPassword !== b.newPassword, {
      path: ['newPassword'],
      message: 'Choose a password different from the current one.',
    }),
  );
