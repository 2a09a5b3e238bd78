import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { ChildMessage, ParentMessage, ProcessStats } from './protocol';

export interface ServerProcess {
  url: string;
  pid: number;
  /** The child's Node version (it must be the same Node as the driver's). */
  node: string;
  /** Extra details the child announced (e.g. the stand-ins' endpoints). */
  info: Record<string, string>;
  stats(): Promise<ProcessStats>;
  /** Starts the child's CPU profiler, or stops it and writes `file` (.cpuprofile). */
  profile(action: 'start' | 'stop', file?: string): Promise<void>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Extra Node flags, e.g. `--cpu-prof --cpu-prof-dir=…`. */
  nodeFlags?: string[];
  /** Milliseconds to wait for the ready message. @default 60000 */
  readyTimeoutMs?: number;
}

/**
 * Forks a server script (TypeScript, through tsx's loader) on this same Node binary, waits for
 * its ready message and returns a handle that stops exactly that child, by PID.
 */
export function spawnServer(
  script: string,
  args: string[] = [],
  options: SpawnOptions = {},
): Promise<ServerProcess> {
  const child: ChildProcess = fork(path.resolve(script), args, {
    execPath: process.execPath,
    execArgv: ['--import', 'tsx', ...(options.nodeFlags ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const pending = new Map<number, (s: ProcessStats) => void>();
  const profiling = new Map<number, () => void>();
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exit.then(() => {
    exited = true;
  });

  return new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not become ready in time`));
    }, options.readyTimeoutMs ?? 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with code ${code} before it was ready`));
    });
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`${script} failed to start: ${m.message}`));
      } else if (m.type === 'profiled') {
        profiling.get(m.id)?.();
        profiling.delete(m.id);
      } else if (m.type === 'stats') {
        pending.get(m.id)?.(m.stats);
        pending.delete(m.id);
      } else if (m.type === 'ready') {
        clearTimeout(timer);
        resolve({
          url: m.url,
          pid: m.pid,
          node: m.node,
          info: m.info ?? {},
          stats() {
            const id = nextId++;
            return new Promise<ProcessStats>((res, rej) => {
              const t = setTimeout(() => {
                pending.delete(id);
                rej(new Error('stats request timed out'));
              }, 5000);
              pending.set(id, (s) => {
                clearTimeout(t);
                res(s);
              });
              child.send({ type: 'stats', id } satisfies ParentMessage);
            });
          },
          profile(action, file) {
            const id = nextId++;
            return new Promise<void>((res) => {
              profiling.set(id, res);
              child.send({ type: 'profile', id, action, file } satisfies ParentMessage);
            });
          },
          async stop() {
            if (exited) return;
            if (child.connected) child.send({ type: 'stop' } satisfies ParentMessage);
            else if (child.pid) process.kill(child.pid, 'SIGTERM');
            const killer = setTimeout(() => {
              if (!exited && child.pid) process.kill(child.pid, 'SIGKILL');
            }, 10_000);
            await exit;
            clearTimeout(killer);
          },
        });
      }
    });
  });
}

/** CPU used between two samples, as seconds and as % of one core over the wall time. */
export function cpuBetween(a: ProcessStats, b: ProcessStats, wallMs: number) {
  const cpuMs = (b.userUs - a.userUs + (b.systemUs - a.systemUs)) / 1000;
  const active = b.eluActiveMs - a.eluActiveMs;
  const idle = b.eluIdleMs - a.eluIdleMs;
  return {
    cpuSeconds: cpuMs / 1000,
    cpuPercentOfCore: (cpuMs / wallMs) * 100,
    eventLoopUtilization: active + idle > 0 ? active / (active + idle) : Number.NaN,
    rssMb: b.rssBytes / 1024 / 1024,
  };
}
