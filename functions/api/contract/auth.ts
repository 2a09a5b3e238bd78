import * as z from 'zod/mini';

/** Responses of the auth operations (zod/mini: the client parses with them too). */
export const authUser = z.object({
  id: z.uuid(),
  email: z.string(),
  companyName: z.string(),
  industry: z.string(),
});
export type AuthUser = z.infer<typeof authUser>;

export const registerResponse = z.object({
  userId: z.uuid(),
  email: z.string(),
  confirmationRequired: z.boolean(),
});

export const loginResponse = z.object({
  accessToken: z.string(),
  idToken: z.string(),
  expiresIn: z.int(),
  tokenType: z.literal('Bearer'),
  user: authUser,
});
