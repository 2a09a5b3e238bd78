import { execFile, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);

/** A throwaway PostgreSQL cluster that a test may stop, crash and start again. */
export interface PgCluster {
  port: number;
  /** Superuser URL of the `postgres` database, over TCP on 127.0.0.1. */
  url: string;
  /** Starts the server and waits until it accepts connections. */
  start(): Promise<void>;
  /** `fast` terminates sessions cleanly (57P01); `immediate` kills them like a crash. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  restart(): Promise<void>;
  running(): boolean;
  /** Stops the server (if running) and deletes its files. Safe to call twice. */
  destroy(): Promise<void>;
}

/** The newest installed PostgreSQL's bin directory (Debian layout). */
function pgBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) throw new Error(`No PostgreSQL server binaries (initdb) under ${root}`);
  return path.join(root, versions[0], 'bin');
}

/** Resolves the `postgres` OS user's ids: PostgreSQL refuses to run as root. */
async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

export interface PgClusterOptions {
  /**
   * Serve TLS with this certificate and key (PEM). The key is copied into the cluster's folder,
   * owned by the server's user with mode 0600, as PostgreSQL requires.
   */
  readonly tls?: { certPem: string; keyPem: string };
}

/**
 * Creates a cluster with `initdb` in a temp folder and starts it on a free port (fsync off, trust
 * auth, 127.0.0.1 only). When the process runs as root, initdb and pg_ctl run as `postgres`.
 */
export async function createPgCluster(opts: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = pgBinDir();
  const root = mkdtempSync(path.join(os.tmpdir(), 'scalemap-pg-'));
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'sock');
  const logFile = path.join(root, 'server.log');
  mkdirSync(socketDir);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    chownSync(root, uid, gid);
    chownSync(socketDir, uid, gid);
  }
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args])
      : run(path.join(bin, tool), args);

  const port = await freePort();
  // fsync=off loses data only if the OS crashes. Never synchronous_commit=off: an immediate stop
  // would then lose acknowledged commits, which the durability checks would (rightly) flag.
  let options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  if (opts.tls) {
    const cert = path.join(root, 'server.crt');
    const key = path.join(root, 'server.key');
    writeFileSync(cert, opts.tls.certPem);
    writeFileSync(key, opts.tls.keyPem, { mode: 0o600 });
    if (asRoot) {
      const { uid, gid } = await postgresIds();
      chownSync(cert, uid, gid);
      chownSync(key, uid, gid);
    }
    options += ` -c ssl=on -c ssl_cert_file=${cert} -c ssl_key_file=${key}`;
  }
  let up = false;
  let destroyed = false;
  // Safety net: if this process dies (or a hook times out) before destroy(), a detached watchdog
  // stops the server and deletes its files once the process is gone.
  const pgCtl = [path.join(bin, 'pg_ctl'), '-D', dataDir, '-m', 'immediate', '-w', 'stop'];
  const stopCmd = (asRoot ? ['runuser', '-u', 'postgres', '--', ...pgCtl] : pgCtl).join(' ');
  const watchdog = spawn(
    'sh',
    [
      '-c',
      `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${stopCmd} >/dev/null 2>&1; rm -rf ${root}`,
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();

  const cluster: PgCluster = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await pg('pg_ctl', ['-D', dataDir, '-o', options, '-l', logFile, '-w', '-t', '20', 'start']);
      up = true;
    },
    async stop(mode = 'fast') {
      await pg('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '20', 'stop']);
      up = false;
    },
    async restart() {
      if (up) await cluster.stop();
      await cluster.start();
    },
    running: () => up,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      watchdog.kill();
      if (up) await cluster.stop('immediate').catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    await pg('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    await cluster.start();
  } catch (err) {
    await cluster.destroy();
    throw err;
  }
  return cluster;
}
