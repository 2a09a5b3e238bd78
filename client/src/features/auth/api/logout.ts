import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';
import { sessionHint } from '../lib/session-hint';

/** POST /api/auth/logout: revokes the session cookie. */
export async function logout(): Promise<void> {
  sessionHint.clear();
  await apiRequest('POST', '/auth/logout', null);
}

export function useLogout() {
  return useMutation(logout);
}
