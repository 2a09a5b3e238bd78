import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool, type PoolClient, type PoolConfig } from 'pg';
import type { Config } from '../../config';
import { once } from '../../runtime/deferred';
import type { Tracing } from '../observability/tracer';
import type { DatabaseHandle } from './database';
import { schema } from './tables';

/**
 * node-postgres pool options from config. With IAM auth the password is an async function that
 * signs a fresh 15-minute token for the RDS Proxy endpoint; TLS always verifies the certificate
 * and host name against the system trust store (RDS Proxy presents ACM certificates).
 */
export function poolConfig(config: Config): PoolConfig {
  const { db } = config;
  const base: PoolConfig = {
    max: db.poolMax,
    // Idle connections are closed well before RDS Proxy's 1800 s idle client timeout.
    idleTimeoutMillis: 60_000,
    connectionTimeoutMillis: db.connectTimeoutMs,
    statement_timeout: db.statementTimeoutMs,
    query_timeout: db.statementTimeoutMs + 1000,
    keepAlive: true,
    application_name: config.serviceName,
  };
  if (db.url) {
    return { ...base, connectionString: db.url, ssl: db.tls === 'verify' ? true : undefined };
  }
  // The signer (and the ~115 kB of @smithy under it) loads on the first connection, not at start-up;
  // every connection still signs a fresh token.
  const signer = db.iamAuth
    ? once(async () => {
        const { Signer } = await import('@aws-sdk/rds-signer');
        return new Signer({ hostname: db.host!, port: db.port, username: db.user!, region: config.region });
      })
    : undefined;
  return {
    ...base,
    host: db.host,
    port: db.port,
    database: db.name,
    user: db.user,
    password: signer ? async () => (await signer()).getAuthToken() : undefined,
    // `true` = verify the chain and the host name with Node's defaults. Never relaxed.
    ssl: db.tls === 'verify' ? true : undefined,
  };
}

/**
 * drizzle's `transaction()` checks a client out and sends BEGIN *before* its try/finally, so when
 * BEGIN fails (the connection died while the client sat idle) the client is never released. Each
 * such leak holds a pool slot for good; after a few database restarts every request would wait out
 * the connect timeout. Here a client whose promise-form BEGIN fails releases itself with the error,
 * so the pool discards it. (pool.query uses the callback form and is not affected.)
 */
function releaseOnFailedBegin(client: PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  Object.assign(client, {
    query: (...args: unknown[]) => {
      const out = query(...args);
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: unknown } | undefined)?.text;
      if (!(out instanceof Promise) || typeof text !== 'string' || !/^\s*begin\b/i.test(text)) return out;
      return out.catch((err: Error) => {
        client.release(err);
        throw err;
      });
    },
  });
}

/** A drizzle database over a pg Pool. Broken clients are discarded by the pool on error. */
export function createPostgresDatabase(config: Config, tracing?: Tracing): DatabaseHandle & { pool: Pool } {
  const pool = new Pool(poolConfig(config));
  if (tracing?.enabled) {
    // One X-Ray subsegment per query (drizzle uses the promise form of pool.query).
    const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    Object.assign(pool, {
      query: (...args: unknown[]) => tracing.trace('## db.query', () => query(...args)),
    });
  }
  // An idle client dying (e.g. the database restarts) must not crash the process.
  pool.on('error', () => {});
  // A client whose connection dies while checked out (mid-transaction, say) emits 'error' too, and
  // with no listener that crashes the process. Its pending query still rejects (→ 503) and the pool
  // discards the client on release, because it is no longer queryable.
  pool.on('connect', (client) => {
    client.on('error', () => {});
    releaseOnFailedBegin(client);
  });
  const db = drizzle(pool, { schema });
  return {
    db,
    pool,
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await pool.end();
    },
  };
}
