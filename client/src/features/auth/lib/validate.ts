/** Client-side checks that mirror the API's, so most mistakes are caught before a round trip. */
export type FieldErrors = Partial<Record<string, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateEmail(email: string): string | undefined {
  if (!email.trim()) return 'Enter your email address.';
  if (!EMAIL.test(email.trim())) return 'Enter an email address like name@company.com.';
  return undefined;
}

export function validateNewPassword(password: string): string | undefined {
  if (!password) return 'Enter a password.';
  if (password.length < 12) return 'Use at least 12 characters.';
  if (!/[a-z]/.test(password) || !/[A-Z]/.test(password) || !/\d/.test(password)) {
    return 'Use upper- and lower-case letters and at least one number.';
  }
  return undefined;
}

export function compact(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, v]) => v));
}

/** The error summary's items: each field's error, linking to its input `${prefix}-${field}`. */
export function summaryItems(
  errors: FieldErrors,
  prefix: string,
  order: readonly string[] = Object.keys(errors),
) {
  return order.filter((k) => errors[k]).map((k) => ({ id: `${prefix}-${k}`, message: errors[k] as string }));
}
