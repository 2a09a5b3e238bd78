import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from '../functions/api/app';
import { buildDeps } from '../functions/api/bootstrap';
import { loadConfig } from '../functions/api/config';
import type { DatabaseHandle } from '../functions/api/platform/db/database';
import { migratePostgres } from '../functions/api/platform/db/migrations-runner';
import { createPostgresDatabase } from '../functions/api/platform/db/postgres';
import { answerClientErrors } from '../functions/api/platform/http/client-error';
import { standInEnv } from './stand-ins/env';
import { answerWhileStarting, busyPortMessage } from './starting';

export interface LocalOptions {
  /** Port for the app; 0 picks a free one. @default 3000 */
  port?: number;
  /** Where PGlite, s3rver and cognito-local keep their data. @default .data */
  dataDir?: string;
  /** The built client to serve. @default none */
  staticDir?: string;
  /** Silence the app's logs. @default false */
  quiet?: boolean;
  /** Extra environment for the config (e.g. DATABASE_URL to use a real PostgreSQL). */
  env?: Record<string, string | undefined>;
}

export interface LocalServer {
  url: string;
  server: http.Server;
  /** The last code the Cognito stand-in "e-mailed" to this address (also printed unless quiet). */
  lastCode(email: string): string | undefined;
  stop(): Promise<void>;
}

/**
 * Starts the app on embedded stand-ins: PGlite (or DATABASE_URL), s3rver and cognito-local, all
 * in-process on 127.0.0.1. The stand-ins are dev dependencies, loaded here only, by dynamic import.
 */
export async function startLocal(options: LocalOptions = {}): Promise<LocalServer> {
  const dataDir = path.resolve(options.dataDir ?? '.data');
  mkdirSync(dataDir, { recursive: true });
  const env = options.env ?? {};

  // Listen first, so the stand-ins can be told the app's real origin; until the app is attached,
  // requests (a browser opened at once, a health probe) get a fast 503 instead of hanging.
  const server = http.createServer();
  const starting = answerWhileStarting(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];

  const [{ startS3 }, { startCognito }] = await Promise.all([
    import('./stand-ins/s3'),
    import('./stand-ins/cognito'),
  ]);
  const bucket = 'scalemap-documents';
  const [s3, cognito] = await Promise.all([
    startS3({ dataDir: path.join(dataDir, 's3'), bucket, allowedOrigins: origins }),
    startCognito({ dataDir: path.join(dataDir, 'cognito'), print: options.quiet ? () => {} : undefined }),
  ]);
  const config = loadConfig(
    'local',
    {
      NODE_ENV: 'development',
      LOG_LEVEL: options.quiet ? 'SILENT' : (env.LOG_LEVEL ?? 'INFO'),
      TRUST_PROXY: '0',
      ALLOWED_ORIGINS: origins.join(','),
      STATIC_DIR: options.staticDir,
      DB_TLS: 'off',
      ...standInEnv(s3, cognito),
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      ...env,
    },
    {},
  );

  let db: DatabaseHandle;
  if (config.db.url) {
    const pg = createPostgresDatabase(config);
    await migratePostgres(pg.db);
    db = pg;
  } else {
    const { startPglite } = await import('./stand-ins/pglite');
    db = await startPglite({ dataDir: path.join(dataDir, 'pg') });
  }
  const deps = buildDeps(config, { db });
  starting.attach(createApp(deps));
  answerClientErrors(server, deps.logger);

  return {
    url: `http://localhost:${port}`,
    server,
    lastCode: (email) => cognito.lastCode(email),
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all([s3.stop(), cognito.stop()]);
      await db.close();
    },
  };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the client when client/dist is missing or older than its sources. */
function ensureClientBuilt(): string | undefined {
  const clientDir = path.resolve('client');
  if (!existsSync(path.join(clientDir, 'index.html'))) return undefined;
  const index = path.join(clientDir, 'dist', 'index.html');
  const stale =
    !existsSync(index) ||
    statSync(index).mtimeMs <
      Math.max(
        newestMtime(path.join(clientDir, 'src')),
        ...['index.html', 'vite.config.ts', 'package.json']
          .map((f) => path.join(clientDir, f))
          .filter(existsSync)
          .map((f) => statSync(f).mtimeMs),
        existsSync(path.join(clientDir, 'public')) ? newestMtime(path.join(clientDir, 'public')) : 0,
      );
  if (stale) {
    console.log('Building the client (client/dist is missing or stale)…');
    try {
      // NODE_ENV is inherited otherwise, and anything but production bundles React's dev build.
      execFileSync('npx', ['vite', 'build', '--config', 'client/vite.config.ts'], {
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' },
      });
    } catch {
      console.error('The client build failed; serving the API only. Fix the build and restart.');
      return existsSync(index) ? path.join(clientDir, 'dist') : undefined;
    }
  }
  return path.join(clientDir, 'dist');
}

if (require.main === module) {
  const staticDir = ensureClientBuilt();
  startLocal({ port: loadConfig('local').port, staticDir }).then(
    (local) => {
      console.log(`\nScaleMap is running at ${local.url}  (data in .data/, Ctrl+C to stop)\n`);
      const stop = () => local.stop().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (err) => {
      const busy = busyPortMessage(err);
      if (busy) console.error(busy);
      else console.error('ScaleMap failed to start:', err);
      process.exit(1);
    },
  );
}
