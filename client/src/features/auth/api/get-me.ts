import type { z } from 'zod/mini';
import { authUser } from '../../../../../functions/api/contract/auth';
import { apiRequest } from '../../../lib/api-client';
import { ApiError } from '../../../lib/problem';
import { useQuery } from '../../../lib/use-query';
import { sessionHint } from '../lib/session-hint';

export const UserSchema = authUser;
export type User = z.infer<typeof UserSchema>;

/** GET /api/auth/me: the signed-in user, or null when logged out (401). */
export async function getMe(signal?: AbortSignal): Promise<User | null> {
  try {
    const user = await apiRequest('GET', '/auth/me', UserSchema, { signal });
    sessionHint.set();
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      sessionHint.clear();
      return null;
    }
    throw error;
  }
}

/** The signed-in user; a browser that never signed in is known to be signed out without asking. */
export function useMe() {
  return useQuery('auth/me', async (signal) => (sessionHint.get() ? getMe(signal) : null));
}
