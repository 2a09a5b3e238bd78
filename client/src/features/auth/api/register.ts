import { z } from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

export type RegisterInput = { email: string; password: string; companyName: string; industry: string };

export const RegisterResponseSchema = z.object({
  userId: z.string(),
  email: z.string(),
  confirmationRequired: z.boolean(),
});
export type RegisterResponse = z.infer<typeof RegisterResponseSchema>;

/** POST /api/auth/register. */
export function register(input: RegisterInput): Promise<RegisterResponse> {
  return apiRequest('POST', '/auth/register', RegisterResponseSchema, { body: input });
}

export function useRegister() {
  return useMutation(register);
}
