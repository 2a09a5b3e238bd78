import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/loading';
import { useAuth } from '../features/auth/lib/auth-context';

/** Pages below need a session; without one, go to sign-in and come back afterwards. */
export function RequireAuth() {
  const { user, loading, error, refresh } = useAuth();
  const location = useLocation();
  if (user === undefined && loading) return <Loading label="Checking your session…" />;
  if (error && !user)
    return <ErrorAlert error={error} title="We could not check your session" onRetry={refresh} />;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
