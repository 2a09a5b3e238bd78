import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeading } from '../../components/page-heading';
import { useForgotPassword } from '../../features/auth/api/forgot-password';
import { bind, EmailField } from '../../features/auth/components/credential-fields';
import { ResetPasswordForm } from '../../features/auth/components/reset-password-form';
import { validateEmail } from '../../features/auth/lib/validate';
import { announce } from '../../lib/announcer';

/** Forgot password: ask for a code by email, then set a new password with it. */
export function ForgotPasswordRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [fieldError, setFieldError] = useState<string>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const forgot = useForgotPassword();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = validateEmail(email);
    setFieldError(problem);
    if (problem) return;
    if (await forgot.run({ email: email.trim() })) {
      setSentTo(email.trim());
      announce('Check your email for a reset code.');
    }
  };

  return (
    <section className="narrow card">
      <PageHeading title={sentTo ? 'Set a new password' : 'Reset your password'} />
      {sentTo ? (
        <ResetPasswordForm
          email={sentTo}
          onReset={() => {
            announce('Your password has been changed.');
            navigate(`/login?reset=1&email=${encodeURIComponent(sentTo)}`, { replace: true });
          }}
        />
      ) : (
        <form onSubmit={submit} noValidate className="stack">
          <p>Enter the email you signed up with. We will send you a code to set a new password.</p>
          {forgot.error ? <ErrorAlert error={forgot.error} focus /> : null}
          <EmailField inputId="forgot-email" {...bind(email, setEmail)} error={fieldError} />
          <button type="submit" className="button" disabled={forgot.pending}>
            {forgot.pending ? 'Sending…' : 'Send reset code'}
          </button>
        </form>
      )}
      <p className="muted">
        Remembered it? <Link to="/login">Back to sign in</Link>
      </p>
    </section>
  );
}
