import type { ComponentProps } from 'react';
import { TextField } from '../../../components/text-field';

// The inputs the sign-in, sign-up, code and password forms share: each kind of field is spelled once.

type FieldProps = Omit<ComponentProps<typeof TextField>, 'label' | 'type' | 'autoComplete'> & {
  label?: string;
};

/** The password rule, as new-password fields show it. */
export const PASSWORD_RULE = 'At least 12 characters, with upper- and lower-case letters and a number.';

/** A password being chosen: the rule as the hint, and the browser's new-password autofill. */
export function NewPasswordField({ label = 'New password', ...props }: FieldProps) {
  return (
    <TextField label={label} hint={PASSWORD_RULE} type="password" autoComplete="new-password" {...props} />
  );
}

/** The password the user has now. */
export function PasswordField({ label = 'Password', ...props }: FieldProps) {
  return <TextField label={label} type="password" autoComplete="current-password" {...props} />;
}

/** An email address, as typed (no spell check). */
export function EmailField({ label = 'Email address', ...props }: FieldProps) {
  return (
    <TextField label={label} name="email" type="email" autoComplete="email" spellCheck={false} {...props} />
  );
}

/** A code from an email. */
export function CodeField({ label = 'Code', ...props }: FieldProps) {
  return <TextField label={label} name="code" inputMode="numeric" autoComplete="one-time-code" {...props} />;
}

/** Value and change handler of a text input bound to a state setter. */
export function bind(value: string, set: (value: string) => void) {
  return { value, onChange: (e: { currentTarget: { value: string } }) => set(e.currentTarget.value) };
}
