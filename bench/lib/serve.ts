/**
 * The app under test, in its own process so the load generator never shares its event loop.
 * It is the local entry (`startLocal`) on a real PostgreSQL (DATABASE_URL, migrated on start), with
 * the S3 and Cognito stand-ins in this same process, logs silenced and the auth rate limit raised.
 *
 * argv[2]: JSON {@link ServeOptions}. Run by the bench driver through `node --import tsx`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocal } from '../../container/local';
import { serveChild } from './protocol';

export interface ServeOptions {
  databaseUrl: string;
  /** The built client to serve (P4). @default none */
  staticDir?: string;
  /** Extra config variables, e.g. DB_POOL_MAX. */
  env?: Record<string, string>;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ServeOptions;

serveChild(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-bench-'));
  const local = await startLocal({
    port: 0,
    dataDir,
    staticDir: options.staticDir,
    quiet: true,
    env: {
      DATABASE_URL: options.databaseUrl,
      AUTH_RATE_LIMIT: '1000000',
      ...options.env,
    },
  });
  return {
    // 127.0.0.1 rather than localhost: the server binds IPv4 only.
    url: local.url.replace('localhost', '127.0.0.1'),
    async stop() {
      try {
        await local.stop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
});
