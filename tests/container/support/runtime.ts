import { type ChildProcess, fork, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRuntime, ROOT, readManifest } from '../../../scripts/build';

export { paperCloudEnvFor } from '../../../container/stand-ins/env';

/** Node 24, the production runtime (the `node` package); the system Node is older. */
export const NODE24 = path.join(ROOT, 'node_modules/.bin/node');
/** Loads a Lambda entry the way the runtime interface client does (see lambda-host.ts). */
export const LAMBDA_HOST = path.join(__dirname, 'lambda-host.ts');

function newest(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), s.mtimeMs);
}

/** Everything the runtime artifact is built from. */
const INPUTS = [
  'functions',
  'container/server.ts',
  'container/runtime-manifest.json',
  'scripts',
  'package-lock.json',
];

/**
 * dist/runtime, rebuilt only when a source is newer than it (CI builds it first), under a lock so two
 * test files never build at once on the shared machine.
 */
export async function ensureRuntime(): Promise<string> {
  const manifest = readManifest();
  const out = path.join(ROOT, manifest.buildOutput);
  const stamp = path.join(out, 'package.json');
  const lock = path.join(ROOT, 'dist/.build-lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than a minute belongs to a crashed run.
      if (i > 600 || Date.now() - statSync(lock).mtimeMs > 60_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    const sources = Math.max(...INPUTS.map((p) => newest(path.join(ROOT, p))));
    if (!existsSync(stamp) || statSync(stamp).mtimeMs < sources) await buildRuntime();
    return out;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The runtime stage's task root, assembled the way the Dockerfile does it: the manifest's files from
 * the build output and nothing else (in particular, none of the repo's node_modules).
 */
export function assembleTaskRoot(buildOutput: string): { dir: string; remove(): void } {
  const manifest = readManifest();
  const base = mkdtempSync(path.join(os.tmpdir(), 'scalemap-task-'));
  const dir = path.join(base, 'var/task');
  mkdirSync(dir, { recursive: true });
  for (const file of manifest.files)
    cpSync(path.join(buildOutput, file), path.join(dir, file), { recursive: true });
  return { dir, remove: () => rmSync(base, { recursive: true, force: true }) };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node <args>` with exactly `env` (nothing inherited) and waits for it to exit. */
export function runNode(args: string[], env: Record<string, string>, cwd: string, timeoutMs = 10_000) {
  return new Promise<Exit>((resolve) => {
    const started = performance.now();
    const child = spawn(NODE24, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    // 'close', not 'exit': only then has all of stdout and stderr been read.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** What every bundled server.js started here needs: production mode on a free local port, fake AWS keys. */
export const LOCAL_SERVER_ENV = {
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: '0',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
} as const;

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** Every log line so far (JSON where parseable). */
  logs: string[];
  exited: Promise<Exit>;
  kill(): void;
}

/** Starts `node server.js` from the task root with exactly `env`; resolves once it logs `listening`. */
export function startServer(taskRoot: string, env: Record<string, string>): Promise<RunningServer> {
  const started = performance.now();
  const child = spawn(NODE24, ['server.js'], { cwd: taskRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  let stdout = '';
  let stderr = '';
  const exited = new Promise<Exit>((resolve) => {
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started }),
    );
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d;
      buffered += d;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        logs.push(line);
        const entry = safeJson(line) as { message?: string; port?: number } | undefined;
        if (entry?.message === 'listening') {
          resolve({
            url: `http://127.0.0.1:${entry.port}`,
            child,
            logs,
            exited,
            kill: () => child.exitCode === null && child.kill('SIGKILL'),
          });
        }
      }
    });
    exited.then((e) =>
      reject(new Error(`server.js exited (${e.code}) before listening:\n${e.stderr}${e.stdout}`)),
    );
  });
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

type HostMessage = { ready: true; initMs: number } | { id: number; result?: unknown; error?: string };

export interface LambdaHost {
  invoke<T = unknown>(event: unknown): Promise<T>;
  initMs: number;
  stop(): Promise<void>;
}

/**
 * Loads a Lambda entry from the task root in a fresh Node 24 process with exactly `env`, as the
 * runtime interface client would, and invokes it over IPC.
 */
export function startLambdaHost(file: string, env: Record<string, string>, exportName = 'handler') {
  return new Promise<LambdaHost>((resolve, reject) => {
    const child = fork(LAMBDA_HOST, [file, exportName], {
      cwd: path.dirname(file),
      env,
      execPath: NODE24,
      execArgv: ['--no-warnings'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => {
      stderr += d;
    });
    let next = 0;
    const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
    child.on('exit', (code) => {
      for (const p of pending.values()) p.reject(new Error(`lambda host exited (${code}): ${stderr}`));
      reject(new Error(`lambda host exited (${code}) during init: ${stderr}`));
    });
    child.on('message', (m: HostMessage) => {
      if ('ready' in m) {
        resolve({
          initMs: m.initMs,
          invoke<T>(event: unknown) {
            const id = next++;
            return new Promise<T>((res, rej) => {
              pending.set(id, { resolve: res as (v: unknown) => void, reject: rej });
              child.send({ id, event });
            });
          },
          stop: () =>
            new Promise<void>((res) => {
              if (child.exitCode !== null) return res();
              child.once('exit', () => res());
              child.disconnect();
            }),
        });
        return;
      }
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.result);
    });
  });
}
