import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createEmptyDatabase } from '../../support/database';

/** A real PostgreSQL the bundles can reach: the one DATABASE_URL names (CI), or a throwaway cluster. */
export interface RealPostgres {
  adminUrl: string;
  /** A fresh, empty database on it. */
  createDatabase(): Promise<{ url: string; drop(): Promise<void> }>;
  stop(): Promise<void>;
  source: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function findPgBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(base, v, 'bin')).find((bin) => existsSync(path.join(bin, 'initdb')));
}

/** initdb + pg_ctl on a free port with fsync off: under a second. As root, it runs as `postgres`. */
async function throwawayCluster(): Promise<RealPostgres | undefined> {
  const bin = findPgBin();
  if (!bin) return undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });
  try {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dir, uid, gid);
    }
    const data = path.join(dir, 'data');
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
    const port = await freePort();
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return withDatabases(adminUrl, `throwaway cluster (${path.basename(path.dirname(bin))})`, async () => {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

function withDatabases(adminUrl: string, source: string, stop: () => Promise<void>): RealPostgres {
  return {
    adminUrl,
    source,
    stop,
    createDatabase: () => createEmptyDatabase(adminUrl, 'scalemap_container_'),
  };
}

/**
 * DATABASE_URL when set, else a throwaway cluster, else undefined (the caller skips, saying why):
 * the bundles talk to PostgreSQL through `pg`, which PGlite cannot stand in for.
 */
export async function realPostgres(): Promise<RealPostgres | undefined> {
  const url = process.env.DATABASE_URL;
  if (url) return withDatabases(url, 'DATABASE_URL', async () => {});
  return throwawayCluster();
}
