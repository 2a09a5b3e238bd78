import * as z from 'zod/mini';

const serviceStatus = z.enum(['up', 'down']);

export const healthResponse = z.object({
  status: z.enum(['healthy', 'unhealthy']),
  timestamp: z.iso.datetime(),
  version: z.string(),
  services: z.object({ db: serviceStatus, s3: serviceStatus, cognito: serviceStatus }),
});
export type HealthResponse = z.infer<typeof healthResponse>;
