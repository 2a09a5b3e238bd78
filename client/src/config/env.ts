import { z } from 'zod/mini';

const EnvSchema = z.object({
  /** Base path of the API; same-origin by default (CloudFront, the local server, Vite's proxy). */
  VITE_API_URL: z._default(z.string(), '/api'),
  MODE: z._default(z.string(), 'production'),
});

/** Client config, validated once. */
export const env = EnvSchema.parse(import.meta.env);
