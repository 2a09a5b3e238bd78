import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The admin connection used to create and drop the per-run databases (trust auth, user postgres). */
export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  name: string;
  url: string;
  /** Connections open to this database right now (pg_stat_activity). */
  connectionCount(): Promise<number>;
  /** PIDs of the backends serving this database (for their CPU time in /proc). */
  backendPids(): Promise<number[]>;
  drop(): Promise<void>;
}

/** A fresh, empty database on the real PostgreSQL; the server under test migrates it on start. */
export async function createBenchDatabase(
  adminUrl = DEFAULT_ADMIN_URL,
  label = 'bench',
): Promise<BenchDatabase> {
  const name = `scalemap_${label}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl, application_name: 'scalemap-bench' });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async connectionCount() {
      const { rows } = await admin.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = $1`,
        [name],
      );
      return rows[0]?.n ?? 0;
    },
    async backendPids() {
      const { rows } = await admin.query<{ pid: number }>(
        `select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
        [name],
      );
      return rows.map((r) => r.pid);
    },
    async drop() {
      try {
        await admin.query(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** The PostgreSQL server version, for the summary. */
export async function postgresVersion(adminUrl = DEFAULT_ADMIN_URL): Promise<string> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ server_version: string }>('show server_version');
    return rows[0]?.server_version ?? 'unknown';
  } finally {
    await c.end();
  }
}
