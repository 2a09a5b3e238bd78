import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/problem';
import { useChangePassword } from '../../auth/api/change-password';
import { bind, NewPasswordField, PasswordField } from '../../auth/components/credential-fields';
import { compact, type FieldErrors, validateNewPassword } from '../../auth/lib/validate';

/** Change password: the current one (checked by the API) and a new one that meets the rule. */
export function ChangePasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState(false);
  const change = useChangePassword();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const found = compact({
      currentPassword: current ? undefined : 'Enter your current password.',
      newPassword:
        validateNewPassword(next) ??
        (next === current ? 'Choose a password different from the current one.' : undefined),
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (await change.run({ currentPassword: current, newPassword: next })) {
      setCurrent('');
      setNext('');
      setDone(true);
    }
  };
  const server =
    change.error instanceof ApiError && change.error.status === 400 ? change.error.fieldErrors : {};
  const shown = { ...server, ...errors };
  const unexplained = change.error && !server.currentPassword && !server.newPassword;

  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="change-password-title">
      <h2 id="change-password-title">Change password</h2>
      {unexplained ? <ErrorAlert error={change.error} /> : null}
      <PasswordField
        inputId="current-password"
        label="Current password"
        {...bind(current, setCurrent)}
        error={shown.currentPassword}
      />
      <NewPasswordField inputId="new-password" {...bind(next, setNext)} error={shown.newPassword} />
      <div role="status">
        {done ? <p className="alert alert--success">Your password has been changed.</p> : null}
      </div>
      <button type="submit" className="button" disabled={change.pending}>
        {change.pending ? 'Saving…' : 'Change password'}
      </button>
    </form>
  );
}
