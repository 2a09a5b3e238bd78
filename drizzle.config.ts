import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './functions/api/platform/db/tables.ts',
  out: './functions/api/platform/db/migrations',
});
