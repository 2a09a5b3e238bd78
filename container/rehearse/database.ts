/**
 * The rehearsal's PostgreSQL, standing in for RDS Proxy.
 * - By default: a throwaway cluster that serves TLS with a certificate from a throwaway CA, holding
 *   the role and database the stack names. The image keeps `DB_TLS=verify` and `DB_IAM_AUTH=true`
 *   from the template; it trusts the CA through NODE_EXTRA_CA_CERTS (in AWS the proxy's certificate
 *   chains to Amazon's roots, which Node already trusts). The server takes any password, so the IAM
 *   token is signed but not checked.
 * - With DATABASE_URL (an admin URL): a throwaway database on that server, reached over that URL
 *   without TLS, because a plain local server offers none. Say so when it happens.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPgCluster, type PgCluster } from '../stand-ins/pg-cluster';

export interface RehearsalDatabase {
  /** Variables that replace the template's DB_* ones (the rest of the template's stay). */
  env: Record<string, string>;
  /** Host file → container path mounts (the CA certificate). */
  mounts: Record<string, string>;
  /** Whether the image connects with TLS verification, as in the cloud. */
  tlsVerified: boolean;
  /** A superuser URL of the rehearsal's database, for checks. */
  adminUrl: string;
  /** Stops the server, or drops the database. */
  stop(): Promise<void>;
  /** The throwaway cluster, when there is one (tests stop it to see the app answer 503). */
  cluster?: PgCluster;
}

const CA_IN_CONTAINER = '/etc/scalemap-rehearsal/db-ca.pem';

/** A CA and a server certificate for 127.0.0.1 and localhost, made with openssl. */
function certificates(dir: string): { caFile: string; certPem: string; keyPem: string } {
  const f = (name: string) => path.join(dir, name);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=ScaleMap rehearsal CA',
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.pem'),
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  ssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    f('server.key'),
    '-out',
    f('server.csr'),
  );
  writeFileSync(f('san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  ssl(
    'x509',
    '-req',
    '-in',
    f('server.csr'),
    '-CA',
    f('ca.pem'),
    '-CAkey',
    f('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-out',
    f('server.crt'),
    '-extfile',
    f('san.ext'),
  );
  return {
    caFile: f('ca.pem'),
    certPem: readFileSync(f('server.crt'), 'utf8'),
    keyPem: readFileSync(f('server.key'), 'utf8'),
  };
}

async function run(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

export async function startRehearsalDatabase(opts: {
  dbName: string;
  dbUser: string;
  adminUrl?: string;
}): Promise<RehearsalDatabase> {
  if (opts.adminUrl) {
    const name = `scalemap_rehearse_${randomBytes(4).toString('hex')}`;
    await run(opts.adminUrl, [`create database ${ident(name)}`]);
    const url = new URL(opts.adminUrl);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString(), DB_TLS: 'off', DB_IAM_AUTH: 'false' },
      mounts: {},
      tlsVerified: false,
      adminUrl: url.toString(),
      stop: () => run(opts.adminUrl!, [`drop database if exists ${ident(name)} with (force)`]),
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-rehearse-tls-'));
  try {
    const { caFile, certPem, keyPem } = certificates(dir);
    const cluster = await createPgCluster({ tls: { certPem, keyPem } });
    await run(cluster.url, [
      `create role ${ident(opts.dbUser)} login`,
      `create database ${ident(opts.dbName)} owner ${ident(opts.dbUser)}`,
    ]);
    const adminUrl = cluster.url.replace(/\/postgres$/, `/${opts.dbName}`);
    return {
      env: { DB_HOST: '127.0.0.1', DB_PORT: String(cluster.port), NODE_EXTRA_CA_CERTS: CA_IN_CONTAINER },
      mounts: { [caFile]: CA_IN_CONTAINER },
      tlsVerified: true,
      adminUrl,
      cluster,
      async stop() {
        await cluster.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
