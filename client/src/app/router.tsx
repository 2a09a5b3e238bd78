import { type ComponentType, lazy, Suspense } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/loading';
import { useAuth } from '../features/auth/lib/auth-context';
import { RequireAuth } from './require-auth';
import { RootLayout } from './root-layout';
import { RouteErrorBoundary } from './route-error-boundary';

// Declarative routes keep React Router's share of the initial bundle small; every page is its own chunk.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const LoginRoute = page(() => import('./routes/login'), 'LoginRoute');
const RegisterRoute = page(() => import('./routes/register'), 'RegisterRoute');
const DashboardRoute = page(() => import('./routes/dashboard'), 'DashboardRoute');
const LandingRoute = page(() => import('./routes/landing'), 'LandingRoute');
const ForgotPasswordRoute = page(() => import('./routes/forgot-password'), 'ForgotPasswordRoute');
const AccountRoute = page(() => import('./routes/account'), 'AccountRoute');
const AssessmentLayout = page(() => import('./routes/assessment/layout'), 'AssessmentLayout');
const ResumeRoute = page(() => import('./routes/assessment/resume'), 'ResumeRoute');
const DomainStepRoute = page(() => import('./routes/assessment/domain-step'), 'DomainStepRoute');
const DocumentsRoute = page(() => import('./routes/assessment/documents'), 'DocumentsRoute');
const ReviewRoute = page(() => import('./routes/assessment/review'), 'ReviewRoute');
const ResultsRoute = page(() => import('./routes/assessment/results'), 'ResultsRoute');
const NotFoundRoute = page(() => import('./routes/not-found'), 'NotFoundRoute');

export function AppRoutes() {
  const location = useLocation();
  return (
    <RouteErrorBoundary resetKey={location.pathname}>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route element={<RootLayout />}>
            <Route path="login" element={<LoginRoute />} />
            <Route path="register" element={<RegisterRoute />} />
            <Route path="forgot-password" element={<ForgotPasswordRoute />} />
            <Route index element={<HomeRoute />} />
            <Route element={<RequireAuth />}>
              <Route path="account" element={<AccountRoute />} />
              <Route path="assessments/:assessmentId" element={<AssessmentLayout />}>
                <Route index element={<ResumeRoute />} />
                <Route path="domains/:domainId" element={<DomainStepRoute />} />
                <Route path="documents" element={<DocumentsRoute />} />
                <Route path="review" element={<ReviewRoute />} />
                <Route path="results" element={<ResultsRoute />} />
              </Route>
            </Route>
            <Route path="*" element={<NotFoundRoute />} />
          </Route>
        </Routes>
      </Suspense>
    </RouteErrorBoundary>
  );
}

/** `/`: the dashboard when signed in, otherwise the landing page that explains ScaleMap. */
function HomeRoute() {
  const { user, loading, error, refresh } = useAuth();
  if (user === undefined && loading) return <Loading label="Checking your session…" />;
  if (error && !user)
    return <ErrorAlert error={error} title="We could not check your session" onRetry={refresh} />;
  return user ? <DashboardRoute /> : <LandingRoute />;
}
