import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { type CognitoStandIn, startCognito } from '../../container/stand-ins/cognito';
import { standInEnv } from '../../container/stand-ins/env';
import { type S3StandIn, startS3 } from '../../container/stand-ins/s3';
import { createApp } from '../../functions/api/app';
import { buildDeps } from '../../functions/api/bootstrap';
import { type Config, loadConfig } from '../../functions/api/config';
import type { AppDeps } from '../../functions/api/deps';
import { createInProcessPublisher, type OutboxEvent } from '../../functions/api/platform/events/events';
import { answerClientErrors } from '../../functions/api/platform/http/client-error';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestApp {
  url: string;
  /** The temp folder holding the stand-ins' data (`s3/`, `cognito/`), to restart them in place. */
  dataDir: string;
  config: Config;
  deps: AppDeps;
  database: TestDatabase;
  s3: S3StandIn;
  cognito: CognitoStandIn;
  /** Events the in-process bus received. */
  published: OutboxEvent[];
  server: http.Server;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra config variables (e.g. AUTH_RATE_LIMIT). */
  env?: Record<string, string>;
  /** Dependency overrides (e.g. a logger that captures output). */
  deps?: Partial<AppDeps>;
  /** A PostgreSQL server URL to create the test database on (e.g. a throwaway cluster); wins over DATABASE_URL. */
  databaseUrl?: string;
}

/** Starts the real app on real HTTP (port 0) against a fresh database and the S3/Cognito stand-ins. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-test-'));
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const bucket = 'scalemap-test-documents';
  const [database, s3, cognito] = await Promise.all([
    createTestDatabase({ adminUrl: options.databaseUrl }),
    startS3({ dataDir: path.join(dir, 's3'), bucket, allowedOrigins: [origin] }),
    startCognito({ dataDir: path.join(dir, 'cognito') }),
  ]);
  const config = loadConfig(
    'local',
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'SILENT',
      TRUST_PROXY: '0',
      ALLOWED_ORIGINS: origin,
      ...standInEnv(s3, cognito),
      AUTH_RATE_LIMIT: '1000',
      AWS_REGION: 'us-east-1',
      ...options.env,
    },
    {},
  );
  const bus = createInProcessPublisher();
  const deps = buildDeps(config, {
    db: database.handle,
    events: bus,
    logger: new Logger({ serviceName: 'scalemap-test', logLevel: 'SILENT' }),
    ...options.deps,
  });
  server.on('request', createApp(deps));
  answerClientErrors(server, deps.logger);
  return {
    url: origin,
    dataDir: dir,
    config,
    deps,
    database,
    s3,
    cognito,
    published: bus.published,
    server,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.allSettled([s3.stop(), cognito.stop()]);
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
