import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/problem';
import { useChangePassword } from '../../auth/api/change-password';
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
      <TextField
        inputId="current-password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.currentTarget.value)}
        error={shown.currentPassword}
      />
      <TextField
        inputId="new-password"
        label="New password"
        hint="At least 12 characters, with upper- and lower-case letters and a number."
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={(e) => setNext(e.currentTarget.value)}
        error={shown.newPassword}
      />
      <div role="status">
        {done ? <p className="alert alert--success">Your password has been changed.</p> : null}
      </div>
      <button type="submit" className="button" disabled={change.pending}>
        {change.pending ? 'Saving…' : 'Change password'}
      </button>
    </form>
  );
}
