/**
 * The migration entry: CDK runs it at deploy time (a Trigger) from the same image as the API.
 * drizzle records applied migrations, so running it again is a no-op.
 */
import { MIGRATIONS_DIR, migratePostgres } from './platform/db/migrations-runner';
import { createPostgresDatabase } from './platform/db/postgres';
import { jobConfig } from './runtime/profiles';

const config = jobConfig();

export async function handler(): Promise<{ migrated: true; folder: string }> {
  const database = createPostgresDatabase(config);
  try {
    await migratePostgres(database.db, MIGRATIONS_DIR);
    return { migrated: true, folder: 'migrations' };
  } finally {
    // A Trigger runs once; nothing should hold a proxy connection afterwards.
    await database.close();
  }
}
