import { type ComponentType, lazy, Suspense } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { Loading } from '../components/loading';
import { RequireAuth } from './require-auth';
import { RootLayout } from './root-layout';
import { RouteErrorBoundary } from './route-error-boundary';

// Declarative routes keep React Router's share of the initial bundle small; every page is its own chunk.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const LoginRoute = page(() => import('./routes/login'), 'LoginRoute');
const RegisterRoute = page(() => import('./routes/register'), 'RegisterRoute');
const DashboardRoute = page(() => import('./routes/dashboard'), 'DashboardRoute');
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
            <Route element={<RequireAuth />}>
              <Route index element={<DashboardRoute />} />
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
