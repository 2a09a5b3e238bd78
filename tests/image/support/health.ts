import { ApiClient } from '../../support/client';

type Health = { status: string; services: Record<string, string> };

/**
 * Stops the S3 stand-in, then asks /api/health until it reports 503: the app shares one S3
 * reachability check per expiry, so the first answers may still come from before the stop.
 */
export async function healthAfterS3Stops(url: string, stopS3: () => Promise<void>) {
  const client = new ApiClient(url);
  const before = await client.get<Health>('/api/health');
  await stopS3();
  let after = await client.get<Health>('/api/health');
  for (let i = 0; i < 20 && after.status !== 503; i++) {
    await new Promise((r) => setTimeout(r, 500));
    after = await client.get<Health>('/api/health');
  }
  return { before, after };
}
