import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { ErrorSummary } from '../../../components/error-summary';
import { TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/problem';
import { type LoginResponse, useLogin } from '../api/login';
import { compact, type FieldErrors, validateEmail } from '../lib/validate';

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
      <ErrorSummary
        focusKey={attempt}
        items={Object.entries(errors)
          .filter(([, m]) => m)
          .map(([k, m]) => ({ id: `login-${k}`, message: m as string }))}
      />
      {wrongCredentials ? (
        <div className="alert alert--error" role="alert">
          <p>The email or password is not right. Check them and try again.</p>
        </div>
      ) : error ? (
        <ErrorAlert error={error} />
      ) : null}
      <TextField
        label="Email address"
        name="email"
        type="email"
        autoComplete="email"
        spellCheck={false}
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={shown.email}
        inputId="login-email"
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={shown.password}
        inputId="login-password"
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
