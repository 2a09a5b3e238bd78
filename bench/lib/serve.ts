/**
 * The app under test, in its own process so the load generator never shares its event loop, on a
 * real PostgreSQL (DATABASE_URL, migrated on start), logs silenced, the auth rate limit raised.
 *
 * - With `standIns` (the default in the benches): the app alone, wired exactly like the local entry
 *   but to S3 and Cognito stand-ins running in another process, as AWS services are in production.
 * - Without: the local entry itself (`startLocal`), with s3rver and cognito-local in this process.
 *
 * argv[2]: JSON {@link ServeOptions}. Run by the bench driver through `node --import tsx`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startLocal } from '../../container/local';
import { createApp } from '../../functions/api/app';
import { buildDeps } from '../../functions/api/bootstrap';
import { loadConfig } from '../../functions/api/config';
import { migratePostgres } from '../../functions/api/platform/db/migrations-runner';
import { createPostgresDatabase } from '../../functions/api/platform/db/postgres';
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
const benchEnv = { AUTH_RATE_LIMIT: '1000000', ...options.env };

/** The local entry's wiring, minus the stand-ins it would start itself. */
async function startApp(standIns: StandInEndpoints) {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  const config = loadConfig(
    'local',
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'SILENT',
      TRUST_PROXY: '0',
      ALLOWED_ORIGINS: origins.join(','),
      STATIC_DIR: options.staticDir,
      DATABASE_URL: options.databaseUrl,
      DB_TLS: 'off',
      DOCUMENTS_BUCKET: standIns.bucket,
      S3_ENDPOINT: standIns.s3Endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      COGNITO_ENDPOINT: standIns.cognitoEndpoint,
      COGNITO_USER_POOL_ID: standIns.userPoolId,
      COGNITO_CLIENT_ID: standIns.clientId,
      AUTO_CONFIRM_SIGNUPS: 'true',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      ...benchEnv,
    },
    {},
  );
  const db = createPostgresDatabase(config);
  await migratePostgres(db.db);
  server.on('request', createApp(buildDeps(config, { db })));
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await db.close();
    },
  };
}

serveChild(async () => {
  if (options.standIns) return startApp(options.standIns);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-bench-'));
  const local = await startLocal({
    port: 0,
    dataDir,
    staticDir: options.staticDir,
    quiet: true,
    env: { DATABASE_URL: options.databaseUrl, ...benchEnv },
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
