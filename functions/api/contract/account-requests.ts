import * as z from 'zod/mini';

export const deleteAccountRequest = z.strictObject({
  password: z
    .string('Enter your password to confirm.')
    .check(z.minLength(1, 'Enter your password to confirm.'), z.maxLength(256)),
});
