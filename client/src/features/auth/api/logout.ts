import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

/** POST /api/auth/logout: revokes the session cookie. */
export async function logout(): Promise<void> {
  await apiRequest('POST', '/auth/logout', null);
}

export function useLogout() {
  return useMutation(logout);
}
