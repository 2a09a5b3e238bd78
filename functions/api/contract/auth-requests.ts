import { z } from 'zod';
import { hasControlChars } from './text';

// Request bodies of the auth operations: server-side validation, in full zod for its messages.

const noControl = (s: string) => !hasControlChars(s);
const label = (name: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${name} is required.`)
    .max(max, `${name} must be at most ${max} characters.`)
    .refine(noControl, `${name} must not contain control characters.`)
    // A lone UTF-16 surrogate would be stored mangled (as U+FFFD) or refused by the database.
    .refine((s) => !/\p{Cs}/u.test(s), `${name} must be valid Unicode text.`);

export const email = z
  .email('Enter a valid e-mail address.')
  .max(254)
  .transform((s) => s.toLowerCase());

export const registerRequest = z.strictObject({
  email,
  password: z
    .string()
    .min(12, 'Use at least 12 characters.')
    .max(256, 'Use at most 256 characters.')
    .refine((p) => /[a-z]/.test(p) && /[A-Z]/.test(p) && /[0-9]/.test(p), {
      message: 'Use upper- and lower-case letters and at least one digit.',
    }),
  companyName: label('Company name', 200),
  industry: label('Industry', 100),
});
export type RegisterRequest = z.infer<typeof registerRequest>;

/** A 6-digit e-mail code; the pattern bounds it (documented as maxLength 6 too). */
export const code = z
  .string()
  .regex(/^\d{6}$/, 'The code is the 6 digits from the e-mail.')
  .meta({ maxLength: 6 });

export const confirmRequest = z.strictObject({
  email,
  code,
});

export const loginRequest = z.strictObject({
  email,
  password: z.string().min(1, 'Enter your password.').max(256),
});
