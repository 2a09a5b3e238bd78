import { z } from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { ApiError } from '../../../lib/problem';
import { useQuery } from '../../../lib/use-query';

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  companyName: z.optional(z.nullable(z.string())),
  industry: z.optional(z.nullable(z.string())),
});
export type User = z.infer<typeof UserSchema>;

/** GET /api/auth/me: the signed-in user, or null when logged out (401). */
export async function getMe(signal?: AbortSignal): Promise<User | null> {
  try {
    return await apiRequest('GET', '/auth/me', UserSchema, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery('auth/me', getMe);
}
