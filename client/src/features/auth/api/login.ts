import { z } from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';
import { sessionHint } from '../lib/session-hint';
import { UserSchema } from './get-me';

export const LoginInputSchema = z.object({ email: z.string(), password: z.string() });
export type LoginInput = z.infer<typeof LoginInputSchema>;

// The body carries tokens for API clients; the browser relies on the HttpOnly cookie and ignores them.
export const LoginResponseSchema = z.object({ user: z.optional(UserSchema) });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

/** POST /api/auth/login: sets the session cookie. */
export async function login(input: LoginInput): Promise<LoginResponse> {
  const res = await apiRequest('POST', '/auth/login', LoginResponseSchema, { body: input });
  sessionHint.set();
  return res;
}

export function useLogin() {
  return useMutation(login);
}
