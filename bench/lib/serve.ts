/**
 * The app under test, in its own process so the load generator never shares its event loop: the
 * local entry's `startLocal` with the bench profile (logs silenced, the auth rate limit raised), on a
 * real PostgreSQL (DATABASE_URL, migrated on start).
 *
 * - With `standIns` (the default in the benches): S3 and Cognito stand-ins running in another
 *   process, as AWS services are in production.
 * - Without: s3rver and cognito-local in this process, as `npm start` runs them.
 *
 * argv[2]: JSON {@link ServeOptions}. Run by the bench driver through `node --import tsx`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocal } from '../../container/local';
import { serveChild } from './protocol';

export interface StandInEndpoints {
  s3Endpoint: string;
  bucket: string;
  cognitoEndpoint: string;
  userPoolId: string;
  clientId: string;
  /** PutEvents stand-in and X-Ray UDP sink (used by the production bundle). */
  eventBridgeEndpoint?: string;
  xrayDaemonAddress?: string;
}

export interface ServeOptions {
  databaseUrl: string;
  /** The stand-ins' endpoints when they run in their own process. @default in this process */
  standIns?: StandInEndpoints;
  /** The built client to serve (P4). @default none */
  staticDir?: string;
  /** Extra config variables, e.g. DB_POOL_MAX. */
  env?: Record<string, string>;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ServeOptions;

serveChild(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-bench-'));
  const s = options.standIns;
  const local = await startLocal({
    purpose: 'bench',
    port: 0,
    dataDir,
    staticDir: options.staticDir,
    quiet: true,
    env: { DATABASE_URL: options.databaseUrl, ...options.env },
    standIns: s && {
      s3: { endpoint: s.s3Endpoint, bucket: s.bucket },
      cognito: { endpoint: s.cognitoEndpoint, userPoolId: s.userPoolId, clientId: s.clientId },
    },
  });
  return {
    url: local.url,
    async stop() {
      try {
        await local.stop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
});
