import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/problem';
import { useConfirm } from '../api/confirm';
import { useResendConfirmation } from '../api/resend-confirmation';

/** The emailed confirmation code step (shown when the API says confirmation is required). */
export function ConfirmForm({ email, onConfirmed }: { email: string; onConfirmed: () => void }) {
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const { run, pending, error } = useConfirm();
  const resend = useResendConfirmation();
  const [resent, setResent] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = code.trim();
    if (!/^\d{6}$/.test(trimmed)) {
      setFieldError('Enter the 6-digit code from the email we sent.');
      return;
    }
    setFieldError(undefined);
    if (await run({ email, code: trimmed })) onConfirmed();
  };

  const serverField =
    error instanceof ApiError && error.status === 400 ? 'That code is not right or has expired.' : undefined;
  return (
    <form onSubmit={submit} noValidate className="stack">
      <p>
        We sent a confirmation code to <strong>{email}</strong>. Enter it below to finish creating your
        account.
      </p>
      {error && !serverField ? <ErrorAlert error={error} /> : null}
      <TextField
        inputId="confirm-code"
        label="Confirmation code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        error={fieldError ?? serverField}
        autoFocus
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Confirming…' : 'Confirm'}
      </button>
      <p className="muted">
        No email after a few minutes? Check your spam folder, or{' '}
        <button
          type="button"
          className="button button--link"
          disabled={resend.pending}
          onClick={async () => {
            setResent(false);
            if (await resend.run({ email })) setResent(true);
          }}
        >
          send a new code
        </button>
        .
      </p>
      <div role="status">
        {resent ? <p className="alert alert--success">We sent a new code to {email}.</p> : null}
      </div>
      {resend.error ? <ErrorAlert error={resend.error} /> : null}
    </form>
  );
}
