import { createContext, type ReactNode, use, useMemo } from 'react';
import { type User, useMe } from '../api/get-me';

type AuthState = {
  user: User | null | undefined;
  loading: boolean;
  error: unknown;
  /** Re-read the session (after login or logout). */
  refresh: () => void;
  setUser: (user: User | null) => void;
};

const AuthContext = createContext<AuthState | null>(null);

/** Knows who is signed in by asking GET /api/auth/me; the session itself is an HttpOnly cookie. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const value = useMemo<AuthState>(
    () => ({ user: me.data, loading: me.loading, error: me.error, refresh: me.reload, setUser: me.setData }),
    [me.data, me.loading, me.error, me.reload, me.setData],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthState {
  const ctx = use(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}

/** Only same-site paths are allowed as a post-login destination (no `//host` or `/\\host`). */
export function safeNext(next: string | null): string {
  return next && /^\/(?![/\\])/.test(next) && !/[\\\s]/.test(next) ? next : '/';
}
