import { z } from 'zod';

export const deleteAccountRequest = z.strictObject({
  password: z.string('Enter your password to confirm.').min(1, 'Enter your password to confirm.').max(256),
});
