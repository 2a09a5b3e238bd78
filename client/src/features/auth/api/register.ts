import type { z } from 'zod/mini';
import { registerResponse } from '../../../../../functions/api/contract/auth';
import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

export type RegisterInput = { email: string; password: string; companyName: string; industry: string };

export const RegisterResponseSchema = registerResponse;
export type RegisterResponse = z.infer<typeof RegisterResponseSchema>;

/** POST /api/auth/register. */
export function register(input: RegisterInput): Promise<RegisterResponse> {
  return apiRequest('POST', '/auth/register', RegisterResponseSchema, { body: input });
}

export function useRegister() {
  return useMutation(register);
}
