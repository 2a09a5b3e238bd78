import path from 'node:path';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './database';
import type { schema } from './tables';

/**
 * The committed drizzle-kit migrations. In the bundle they sit next to the entry file
 * (`dist/runtime/migrations`); from source, next to this file.
 */
export const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

/** Applies pending migrations; drizzle records applied ones, so re-running is a no-op. */
export async function migratePostgres(db: Database, folder = MIGRATIONS_DIR): Promise<void> {
  await migrate(db as unknown as NodePgDatabase<typeof schema>, { migrationsFolder: folder });
}
