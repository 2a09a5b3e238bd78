import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { newestMtime } from '../../container/local/client-build';
import { standInEnv } from '../../container/stand-ins/env';
import { loadConfig } from '../../functions/api/config';
import { migratePostgres } from '../../functions/api/platform/db/migrations-runner';
import { createPostgresDatabase } from '../../functions/api/platform/db/postgres';
import { appEnvironment } from '../../stacks/constructs/app-env';
import type { ServerProcess } from './proc';
import { procCpuSeconds } from './procstat';
import type { ProcessStats } from './protocol';
import type { StandInEndpoints } from './serve';

/** The production HTTP entry as the image runs it (`node server.js`), built by `npm run build`. */
export const PRODUCTION_SERVER = path.resolve('dist/runtime/server.js');

export function hasProductionBundle(): boolean {
  return existsSync(PRODUCTION_SERVER);
}

/** When the bundle is older than the sources it is built from, a note saying so. */
export function bundleStaleness(): string | undefined {
  if (!hasProductionBundle()) return undefined;
  const built = statSync(PRODUCTION_SERVER).mtimeMs;
  const sources = Math.max(newestMtime(path.resolve('functions')), newestMtime(path.resolve('container')));
  return sources > built
    ? `dist/runtime/server.js (built ${new Date(built).toISOString()}) is older than its sources; run \`npm run build -- --runtime-only\` first`
    : undefined;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs dist/runtime/server.js exactly as the image does: Fargate mode, config from the environment,
 * INFO access logs and EMF metrics on stdout (sent to /dev/null here), X-Ray segments over UDP to a
 * sink standing in for the daemon sidecar, EventBridge answered by a stand-in. The database is
 * migrated first (the image runs migrate.js as a separate task). CPU comes from /proc; there is no
 * event-loop figure and no profiling for this process.
 */
export async function spawnProductionServer(
  databaseUrl: string,
  standIns: StandInEndpoints,
  extraEnv: Record<string, string> = {},
  /** Write a whole-life V8 CPU profile here on exit (--cpu-prof). */
  profileDir?: string,
): Promise<ServerProcess> {
  const migrator = createPostgresDatabase(
    loadConfig('local', { DATABASE_URL: databaseUrl, DB_TLS: 'off' }, {}),
  );
  try {
    await migratePostgres(migrator.db);
  } finally {
    await migrator.close();
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The Fargate service's own environment (stacks/constructs/app-env.ts, tracing on, INFO logs),
  // with what only the bench can provide: a plain database URL, stand-ins for S3, Cognito and
  // EventBridge, and a UDP sink for the X-Ray daemon. X-Ray samples as in production: the SDK's
  // default rule (the first request each second, then 5%), the same as the centralized default rule.
  const production = appEnvironment({
    target: 'fargate',
    tracing: true,
    region: 'us-east-1',
    logLevel: 'INFO',
    allowedOrigins: [url],
    dbHost: 'unused',
    dbName: 'unused',
    dbUser: 'unused',
    documentsBucket: standIns.bucket,
    userPoolId: standIns.userPoolId,
    userPoolClientId: standIns.clientId,
    autoConfirmSignups: true,
    eventBusName: 'scalemap-bench',
    version: 'bench',
  });
  for (const key of ['DB_HOST', 'DB_PORT', 'DB_NAME', 'DB_USER', 'DB_IAM_AUTH']) delete production[key];
  const env: Record<string, string> = {
    ...production,
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DB_TLS: 'off',
    ...standInEnv(
      { endpoint: standIns.s3Endpoint, bucket: standIns.bucket },
      { endpoint: standIns.cognitoEndpoint, userPoolId: standIns.userPoolId, clientId: standIns.clientId },
      standIns.eventBridgeEndpoint,
    ),
    AUTH_RATE_LIMIT: '1000000',
    ...(standIns.xrayDaemonAddress ? { AWS_XRAY_DAEMON_ADDRESS: standIns.xrayDaemonAddress } : {}),
    ...extraEnv,
  };
  const flags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...flags, PRODUCTION_SERVER], {
    cwd: path.dirname(PRODUCTION_SERVER),
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const pid = child.pid!;
  // No IPC channel to notice the driver going away: if the driver exits first, take it down.
  const orphanGuard = () => {
    if (!exited) process.kill(pid, 'SIGKILL');
  };
  process.once('exit', orphanGuard);
  exit.then(() => process.off('exit', orphanGuard));
  const stop = async () => {
    if (exited) return;
    process.kill(pid, 'SIGTERM');
    const killer = setTimeout(() => !exited && process.kill(pid, 'SIGKILL'), 30_000);
    await exit;
    clearTimeout(killer);
  };
  // Ready when /api/health answers (bounded: 60 s).
  for (let i = 0; ; i++) {
    if (exited) throw new Error(`server.js exited before it was ready: ${stderr}`);
    if (i >= 240) {
      await stop();
      throw new Error(`server.js was not ready in 60 s: ${stderr}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return {
    url,
    pid,
    node: process.version,
    info: { entry: 'dist/runtime/server.js' },
    async stats(): Promise<ProcessStats> {
      const cpu = procCpuSeconds(pid) ?? 0;
      return {
        userUs: cpu * 1e6,
        systemUs: 0,
        rssBytes: rssBytes(pid),
        elu: Number.NaN,
        eluIdleMs: 0,
        eluActiveMs: 0,
      };
    },
    async profile() {
      // No profiling window here: with --cpu-prof the whole life is profiled, written on exit.
    },
    stop,
  };
}
