import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { ErrorSummary } from '../../../components/error-summary';
import { ApiError } from '../../../lib/problem';
import { type LoginResponse, useLogin } from '../api/login';
import { compact, type FieldErrors, summaryItems, validateEmail } from '../lib/validate';
import { bind, EmailField, PasswordField } from './credential-fields';

/** Email and password sign-in; errors sit next to their fields. */
export function LoginForm({
  onSuccess,
  initialEmail = '',
}: {
  onSuccess: (res: LoginResponse) => void;
  initialEmail?: string;
}) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const { run, pending, error } = useLogin();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = compact({
      email: validateEmail(email),
      password: password ? undefined : 'Enter your password.',
    });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    const res = await run({ email: email.trim(), password });
    if (res) onSuccess(res);
  };

  const serverFields = error instanceof ApiError ? error.fieldErrors : {};
  const shown = { ...serverFields, ...errors };
  const wrongCredentials = error instanceof ApiError && error.status === 401;

  return (
    <form onSubmit={submit} noValidate className="stack">
      <ErrorSummary focusKey={attempt} items={summaryItems(errors, 'login')} />
      {wrongCredentials ? (
        <div className="alert alert--error" role="alert">
          <p>The email or password is not right. Check them and try again.</p>
        </div>
      ) : error ? (
        <ErrorAlert error={error} />
      ) : null}
      <EmailField inputId="login-email" {...bind(email, setEmail)} error={shown.email} />
      <PasswordField
        inputId="login-password"
        name="password"
        {...bind(password, setPassword)}
        error={shown.password}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
