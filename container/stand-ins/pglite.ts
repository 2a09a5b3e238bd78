import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Database, DatabaseHandle } from '../../functions/api/platform/db/database';
import { MIGRATIONS_DIR } from '../../functions/api/platform/db/migrations-runner';
import { schema } from '../../functions/api/platform/db/tables';

/** PGlite (PostgreSQL in WASM) with its data in `dataDir` (or in memory), migrated. */
export async function startPglite(options: { dataDir?: string }): Promise<DatabaseHandle> {
  const client = options.dataDir ? new PGlite(path.resolve(options.dataDir)) : new PGlite();
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return {
    db: db as unknown as Database,
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await client.close();
    },
  };
}
