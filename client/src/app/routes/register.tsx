import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { login } from '../../features/auth/api/login';
import type { RegisterInput } from '../../features/auth/api/register';
import { ConfirmForm } from '../../features/auth/components/confirm-form';
import { RegisterForm } from '../../features/auth/components/register-form';
import { useAuth } from '../../features/auth/lib/auth-context';
import { announce } from '../../lib/announcer';

type Step =
  | { name: 'form' }
  | { name: 'confirm'; input: RegisterInput }
  | { name: 'signing-in'; input: RegisterInput };

/** Register, confirm when the pool asks for it, then sign straight in. */
export function RegisterRoute() {
  const { user, setUser, refresh } = useAuth();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>({ name: 'form' });
  const [signInError, setSignInError] = useState<unknown>();

  if (user && step.name === 'form') return <Navigate to="/" replace />;

  const signIn = async (input: RegisterInput) => {
    setStep({ name: 'signing-in', input });
    try {
      const res = await login({ email: input.email, password: input.password });
      if (res.user) setUser(res.user);
      else refresh();
      announce('Account created. You are signed in.');
      navigate('/', { replace: true });
    } catch (error) {
      setSignInError(error);
    }
  };

  return (
    <section className="narrow card">
      <PageHeading title={step.name === 'confirm' ? 'Confirm your email' : 'Create your account'} />
      {step.name === 'form' ? (
        <>
          <p className="muted">
            It takes about 20 minutes to complete an assessment. Your answers save as you go.
          </p>
          <RegisterForm
            onRegistered={(res, input) => {
              if (res.confirmationRequired) {
                announce('Check your email for a confirmation code.');
                setStep({ name: 'confirm', input });
              } else void signIn(input);
            }}
          />
          <p className="muted">
            Already have an account? <Link to="/login">Sign in</Link>
          </p>
        </>
      ) : step.name === 'confirm' ? (
        <ConfirmForm email={step.input.email} onConfirmed={() => void signIn(step.input)} />
      ) : signInError ? (
        <>
          <ErrorAlert error={signInError} title="Your account was created, but signing in failed" focus />
          <Link className="button" to={`/login?registered=1&email=${encodeURIComponent(step.input.email)}`}>
            Go to sign in
          </Link>
        </>
      ) : (
        <Loading label="Signing you in…" />
      )}
    </section>
  );
}
