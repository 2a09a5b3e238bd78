import * as z from 'zod/mini';
import { hasControlChars } from './text';

// Request bodies of the auth operations: server-side validation (zod/mini, with its English messages).

const noControl = (s: string) => !hasControlChars(s);
const label = (name: string, max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1, `${name} is required.`),
    z.maxLength(max, `${name} must be at most ${max} characters.`),
    z.refine(noControl, `${name} must not contain control characters.`),
    // A lone UTF-16 surrogate would be stored mangled (as U+FFFD) or refused by the database.
    z.refine((s: string) => !/\p{Cs}/u.test(s), `${name} must be valid Unicode text.`),
  );

export const email = z.pipe(
  z.email('Enter a valid e-mail address.').check(z.maxLength(254)),
  z.transform((s: string) => s.toLowerCase()),
);

export const registerRequest = z.strictObject({
  email,
  password: z.string().check(
    z.minLength(12, 'Use at least 12 characters.'),
    z.maxLength(256, 'Use at most 256 characters.'),
    z.refine((p: string) => /[a-z]/.test(p) && /[A-Z]/.test(p) && /[0-9]/.test(p), {
      message: 'Use upper- and lower-case letters and at least one digit.',
    }),
  ),
  companyName: label('Company name', 200),
  industry: label('Industry', 100),
});
export type RegisterRequest = z.infer<typeof registerRequest>;

/** A 6-digit e-mail code; the pattern bounds it (documented as maxLength 6 too). */
export const code = z
  .string()
  .check(z.regex(/^\d{6}$/, 'The code is the 6 digits from the e-mail.'), z.meta({ maxLength: 6 }));

export const confirmRequest = z.strictObject({
  email,
  code,
});

export const loginRequest = z.strictObject({
  email,
  password: z.string().check(z.minLength(1, 'Enter your password.'), z.maxLength(256)),
});
