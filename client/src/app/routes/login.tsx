import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { LoginForm } from '../../features/auth/components/login-form';
import { safeNext, useAuth } from '../../features/auth/lib/auth-context';
import { announce } from '../../lib/announcer';

export function LoginRoute() {
  const { user, setUser, refresh } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  if (user) return <Navigate to={next} replace />;
  return (
    <section className="narrow card">
      <PageHeading title="Sign in" />
      {params.get('registered') ? (
        <p className="alert alert--success">Your account is ready. Sign in to start your assessment.</p>
      ) : null}
      {params.get('reset') ? (
        <p className="alert alert--success">Your password has been changed. Sign in with the new one.</p>
      ) : null}
      <LoginForm
        initialEmail={params.get('email') ?? ''}
        onSuccess={(res) => {
          if (res.user) setUser(res.user);
          else refresh();
          announce('Signed in.');
          navigate(next, { replace: true });
        }}
      />
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="muted">
        New to ScaleMap? <Link to="/register">Create an account</Link>
      </p>
    </section>
  );
}
