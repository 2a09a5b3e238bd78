import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/problem';
import { useConfirm } from '../api/confirm';
import { useResendConfirmation } from '../api/resend-confirmation';
import { bind, CodeField } from './credential-fields';
import { ResendCode } from './resend-code';

/** The emailed confirmation code step (shown when the API says confirmation is required). */
export function ConfirmForm({ email, onConfirmed }: { email: string; onConfirmed: () => void }) {
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const { run, pending, error } = useConfirm();
  const resend = useResendConfirmation();

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
      <CodeField
        inputId="confirm-code"
        label="Confirmation code"
        {...bind(code, setCode)}
        error={fieldError ?? serverField}
        autoFocus
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Confirming…' : 'Confirm'}
      </button>
      <ResendCode
        email={email}
        sender={resend}
        prompt="No email after a few minutes? Check your spam folder, or"
        action="send a new code"
        after="."
        sentMessage={`We sent a new code to ${email}.`}
      />
    </form>
  );
}
