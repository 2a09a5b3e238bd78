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

/** Runs one statement as the admin of the PostgreSQL server at `adminUrl`. */
async function asAdmin(adminUrl: string, statement: string) {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(statement);
  await admin.end();
}

/** An empty database named `prefix` and random hex on the server at `adminUrl`: its URL, and a drop. */
export async function createEmptyDatabase(adminUrl: string, prefix: string) {
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  await asAdmin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => asAdmin(adminUrl, `drop database if exists ${name} with (force)`),
  };
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
  const empty = await createEmptyDatabase(adminUrl, 'scalemap_test_');
  const config = loadConfig('local', { DATABASE_URL: empty.url, DB_TLS: 'off', DB_POOL_MAX: '10' }, {});
  const handle = createPostgresDatabase(config);
  await migratePostgres(handle.db);
  return {
    handle,
    url: empty.url,
    kind: 'postgres',
    async drop() {
      await handle.close();
      await empty.drop();
    },
  };
}
