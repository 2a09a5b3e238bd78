import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { ErrorSummary } from '../../../components/error-summary';
import { ApiError } from '../../../lib/problem';
import { useForgotPassword } from '../api/forgot-password';
import { useResetPassword } from '../api/reset-password';
import { compact, type FieldErrors, summaryItems, validateNewPassword } from '../lib/validate';
import { bind, CodeField, NewPasswordField } from './credential-fields';
import { ResendCode } from './resend-code';

/** Step two of a reset: the emailed code and a new password; a new code can be sent from here. */
export function ResetPasswordForm({ email, onReset }: { email: string; onReset: () => void }) {
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const reset = useResetPassword();
  const resend = useForgotPassword();

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
      <ErrorSummary focusKey={attempt} items={summaryItems(errors, 'reset')} />
      {unexplained ? <ErrorAlert error={reset.error} focus /> : null}
      <CodeField inputId="reset-code" label="Reset code" {...bind(code, setCode)} error={shown.code} />
      <NewPasswordField
        inputId="reset-password"
        name="password"
        {...bind(password, setPassword)}
        error={shown.password}
      />
      <button type="submit" className="button" disabled={reset.pending}>
        {reset.pending ? 'Saving…' : 'Set new password'}
      </button>
      <ResendCode
        email={email}
        sender={resend}
        prompt="No email?"
        action="Send a new code"
        sentMessage="We sent a new code."
      />
    </form>
  );
}
