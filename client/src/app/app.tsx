import { BrowserRouter } from 'react-router';
import { AuthProvider } from '../features/auth/lib/auth-context';
import { AppRoutes } from './router';

export function App() {
  return (
    <AuthProvider>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AuthProvider>
  );
}
