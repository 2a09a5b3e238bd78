import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { ErrorSummary } from '../../../components/error-summary';
import { TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/problem';
import { useForgotPassword } from '../api/forgot-password';
import { useResetPassword } from '../api/reset-password';
import { compact, type FieldErrors, validateNewPassword } from '../lib/validate';

/** Step two of a reset: the emailed code and a new password; a new code can be sent from here. */
export function ResetPasswordForm({ email, onReset }: { email: string; onReset: () => void }) {
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const reset = useResetPassword();
  const resend = useForgotPassword();
  const [resent, setResent] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = compact({
      code: code.trim() ? undefined : 'Enter the code from the email we sent.',
      password: validateNewPassword(password),
    });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    if (await reset.run({ email, code: code.trim(), password })) onReset();
  };
  const server = reset.error instanceof ApiError && reset.error.status === 400 ? reset.error.fieldErrors : {};
  const shown: FieldErrors = {
    ...server,
    ...(server.code ? { code: 'That code is not right or has expired. Check it, or send a new one.' } : {}),
    ...errors,
  };
  const unexplained = reset.error && !server.code && !server.password;

  return (
    <form onSubmit={submit} noValidate className="stack">
      <p>
        If <strong>{email}</strong> has a ScaleMap account, we have sent it a code. Enter it with a new
        password.
      </p>
      <ErrorSummary
        focusKey={attempt}
        items={Object.entries(errors)
          .filter(([, m]) => m)
          .map(([k, m]) => ({ id: `reset-${k}`, message: m as string }))}
      />
      {unexplained ? <ErrorAlert error={reset.error} focus /> : null}
      <TextField
        inputId="reset-code"
        label="Reset code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        error={shown.code}
      />
      <TextField
        inputId="reset-password"
        label="New password"
        hint="At least 12 characters, with upper- and lower-case letters and a number."
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={shown.password}
      />
      <button type="submit" className="button" disabled={reset.pending}>
        {reset.pending ? 'Saving…' : 'Set new password'}
      </button>
      <p className="muted">
        No email?{' '}
        <button
          type="button"
          className="button button--link"
          disabled={resend.pending}
          onClick={async () => {
            setResent(false);
            if (await resend.run({ email })) setResent(true);
          }}
        >
          Send a new code
        </button>
      </p>
      <div role="status">{resent ? <p className="alert alert--success">We sent a new code.</p> : null}</div>
      {resend.error ? <ErrorAlert error={resend.error} /> : null}
    </form>
  );
}
