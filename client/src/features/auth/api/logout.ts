import { apiRequest } from '../../../lib/api-client';
import { sessionHint } from '../lib/session-hint';

/** POST /api/auth/logout: revokes the session cookie. */
export async function logout(): Promise<void> {
  sessionHint.clear();
  await apiRequest('POST', '/auth/logout', null);
}
