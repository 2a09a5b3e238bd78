import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from '../../functions/api/app';
import type { Config } from '../../functions/api/config';
import type { AppDeps } from '../../functions/api/deps';
import type { DatabaseHandle } from '../../functions/api/platform/db/database';
import { migratePostgres } from '../../functions/api/platform/db/migrations-runner';
import { createPostgresDatabase } from '../../functions/api/platform/db/postgres';
import type { OutboxEvent } from '../../functions/api/platform/events/events';
import { answerClientErrors } from '../../functions/api/platform/http/client-error';
import type { CognitoStandIn } from '../stand-ins/cognito';
import type { StandInEndpoints } from '../stand-ins/env';
import type { S3StandIn } from '../stand-ins/s3';
import { answerWhileStarting } from '../starting';
import { localConfig, localRuntime, type Purpose } from './profile';

export interface LocalOptions {
  /** Which profile: npm start (`local`), the test suites (`test`) or the benches (`bench`). @default local */
  purpose?: Purpose;
  /** Port for the app; 0 picks a free one. @default 3000 */
  port?: number;
  /** Where PGlite, s3rver and cognito-local keep their data. @default .data */
  dataDir?: string;
  /** The built client to serve. @default none */
  staticDir?: string;
  /** Silence the app's logs and the Cognito stand-in's printed codes. @default false */
  quiet?: boolean;
  /** Extra config variables (e.g. DATABASE_URL to use a real PostgreSQL, AUTH_RATE_LIMIT). */
  env?: Record<string, string | undefined>;
  /** Stand-ins already running elsewhere (the benches run them in their own process). @default started here */
  standIns?: StandInEndpoints;
  /** A migrated database to use (the tests' fresh one); it is not closed on stop. @default DATABASE_URL or PGlite */
  db?: DatabaseHandle;
  /** Dependency overrides (e.g. a logger that captures output, a failing storage). */
  deps?: Partial<AppDeps>;
}

export interface LocalServer {
  url: string;
  server: http.Server;
  config: Config;
  deps: AppDeps;
  /** Events the in-process bus received. */
  published: OutboxEvent[];
  /** The stand-ins started here (undefined when `standIns` was given). */
  s3?: S3StandIn;
  cognito?: CognitoStandIn;
  /** The last code the Cognito stand-in "e-mailed" to this address (also printed unless quiet). */
  lastCode(email: string): string | undefined;
  stop(): Promise<void>;
}

async function startStandIns(dataDir: string, origins: string[], quiet: boolean) {
  // Dev dependencies: loaded here only, by dynamic import.
  const [{ startS3 }, { startCognito }] = await Promise.all([
    import('../stand-ins/s3'),
    import('../stand-ins/cognito'),
  ]);
  const [s3, cognito] = await Promise.all([
    startS3({ dataDir: path.join(dataDir, 's3'), bucket: 'scalemap-documents', allowedOrigins: origins }),
    startCognito({ dataDir: path.join(dataDir, 'cognito'), print: quiet ? () => {} : undefined }),
  ]);
  return { s3, cognito };
}

/** DATABASE_URL's database, migrated, or PGlite under the data folder. */
async function openDatabase(config: Config, dataDir: string): Promise<DatabaseHandle> {
  if (config.db.url) {
    const pg = createPostgresDatabase(config);
    await migratePostgres(pg.db);
    return pg;
  }
  const { startPglite } = await import('../stand-ins/pglite');
  return startPglite({ dataDir: path.join(dataDir, 'pg') });
}

/**
 * Starts the app on 127.0.0.1 on embedded stand-ins: PGlite (or DATABASE_URL), s3rver and
 * cognito-local, in this process unless given. The port opens first, so the stand-ins can be told
 * the app's real origin; until the app is attached, requests get a fast 503, never a hang.
 */
export async function startLocal(options: LocalOptions = {}): Promise<LocalServer> {
  const purpose = options.purpose ?? 'local';
  const dataDir = path.resolve(options.dataDir ?? '.data');
  mkdirSync(dataDir, { recursive: true });
  const server = http.createServer();
  const starting = answerWhileStarting(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  const started = options.standIns
    ? undefined
    : await startStandIns(dataDir, origins, options.quiet ?? false);
  const standIns = options.standIns ?? started!;
  const config = localConfig({ ...options, purpose, origins, standIns });
  const db = options.db ?? (await openDatabase(config, dataDir));
  const { deps, published } = localRuntime(config, db, options.deps);
  starting.attach(createApp(deps));
  answerClientErrors(server, deps.logger);

  return {
    // npm start prints localhost; suites and benches use the address the server binds.
    url: purpose === 'local' ? origins[0]! : origins[1]!,
    server,
    config,
    deps,
    published,
    s3: started?.s3,
    cognito: started?.cognito,
    lastCode: (email) => started?.cognito.lastCode(email),
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.allSettled([started?.s3.stop(), started?.cognito.stop()]);
      if (!options.db) await db.close();
    },
  };
}
