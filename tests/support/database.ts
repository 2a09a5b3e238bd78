import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '../../functions/api/config';
import type { DatabaseHandle } from '../../functions/api/platform/db/database';
import { migratePostgres } from '../../functions/api/platform/db/migrations-runner';
import { createPostgresDatabase } from '../../functions/api/platform/db/postgres';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The connection URL when a real PostgreSQL is used. */
  url?: string;
  kind: 'postgres' | 'pglite';
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database: a new database on the real PostgreSQL named by `adminUrl` or
 * DATABASE_URL (CI), otherwise an in-memory PGlite, so `npm test` passes on a fresh machine too.
 */
export async function createTestDatabase(options: { adminUrl?: string } = {}): Promise<TestDatabase> {
  const adminUrl = options.adminUrl ?? process.env.DATABASE_URL;
  if (!adminUrl) {
    const { startPglite } = await import('../../container/stand-ins/pglite');
    const handle = await startPglite({});
    return { handle, kind: 'pglite', drop: () => handle.close() };
  }
  const name = `scalemap_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const config = loadConfig('local', { DATABASE_URL: url.toString(), DB_TLS: 'off', DB_POOL_MAX: '10' }, {});
  const handle = createPostgresDatabase(config);
  await migratePostgres(handle.db);
  return {
    handle,
    url: url.toString(),
    kind: 'postgres',
    async drop() {
      await handle.close();
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
