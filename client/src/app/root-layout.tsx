import { Suspense } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { LiveRegion } from '../components/live-region';
import { Loading } from '../components/loading';
import { logout } from '../features/auth/api/logout';
import { useAuth } from '../features/auth/lib/auth-context';
import { announce } from '../lib/announcer';

/** The shell: skip link, header with the account menu, main landmark, live regions. */
export function RootLayout() {
  const { user, setUser } = useAuth();
  const navigate = useNavigate();

  const signOut = async () => {
    try {
      await logout();
    } catch {
      // The cookie may already be gone; signing out locally is still right.
    }
    setUser(null);
    announce('You have signed out.');
    navigate('/login');
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link to="/" className="brand">
            <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="6" fill="currentColor" />
              <path d="M16 6l8.6 6.2-3.3 10H10.7l-3.3-10z" fill="none" stroke="#fff" strokeWidth="2.5" />
            </svg>
            <span>ScaleMap</span>
          </Link>
          {user ? (
            <nav aria-label="Account" className="account-nav">
              <Link to="/" className="account-nav__home">
                Assessments
              </Link>
              <Link to="/account">Account</Link>
              <span className="account-nav__email" title={user.email}>
                {user.email}
              </span>
              <button type="button" className="button button--small button--secondary" onClick={signOut}>
                Sign out
              </button>
            </nav>
          ) : (
            <nav aria-label="Account" className="account-nav">
              <Link to="/login">Sign in</Link>
              <Link to="/register" className="button button--small button--on-brand">
                Get started
              </Link>
            </nav>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container page">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">ScaleMap · scale-readiness assessment</div>
      </footer>
      <LiveRegion />
    </>
  );
}
