import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { schema } from './tables';

/** The drizzle database both drivers satisfy: node-postgres in the cloud, PGlite locally. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The transaction `db.transaction` hands its callback. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** What a query can run on: the database, or a transaction to take part in. */
export type Executor = Database | Transaction;

/** A database plus how to check and close it. */
export interface DatabaseHandle {
  db: Database;
  /** Runs `select 1`, bounded by the caller's timeout. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** True when an error means "the database is not reachable right now" rather than a bug. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && unavailableCodes.has(code)) return true;
    // "…is not queryable": a pooled client whose connection already died, e.g. at a transaction's rollback.
    if (
      typeof message === 'string' &&
      /timeout exceeded when trying to connect|Connection terminated|connection timeout|Query read timeout|the database system is (starting up|shutting down)|is not queryable/i.test(
        message,
      )
    ) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * A query built once per database and run many times (the hot reads): drizzle's SQL building cost
 * more CPU than the request's own work. Built on the client side only: PostgreSQL still gets an
 * unnamed statement, because a named one would pin the connection to one RDS Proxy backend.
 */
export function builtOnce<D extends object, Q>(build: (db: D) => { prepare(name: string): Q }) {
  const built = new WeakMap<D, Q>();
  return (db: D): Q => {
    let query = built.get(db);
    if (!query) {
      // No name: drizzle passes it on to pg, which would prepare a named server-side statement.
      query = build(db).prepare(undefined as unknown as string);
      built.set(db, query);
    }
    return query;
  };
}
