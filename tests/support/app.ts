import { mkdtempSync, rmSync } from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startLocal } from '../../container/local';
import type { CognitoStandIn } from '../../container/stand-ins/cognito';
import type { S3StandIn } from '../../container/stand-ins/s3';
import type { Config } from '../../functions/api/config';
import type { AppDeps } from '../../functions/api/deps';
import type { OutboxEvent } from '../../functions/api/platform/events/events';
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

/**
 * The real app on real HTTP (port 0), started by the local entry's `startLocal` with the test
 * profile, against a fresh database and the S3/Cognito stand-ins.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-test-'));
  const database = await createTestDatabase({ adminUrl: options.databaseUrl });
  const local = await startLocal({
    purpose: 'test',
    port: 0,
    dataDir,
    quiet: true,
    db: database.handle,
    env: options.env,
    deps: options.deps,
  });
  return {
    ...local,
    dataDir,
    database,
    s3: local.s3!,
    cognito: local.cognito!,
    async stop() {
      await local.stop();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
