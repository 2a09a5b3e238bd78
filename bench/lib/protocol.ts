import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';

/** Messages between the bench driver and a server child process (Node IPC). */
export type ChildMessage =
  | { type: 'ready'; url: string; node: string; pid: number; info?: Record<string, string> }
  | { type: 'stats'; id: number; stats: ProcessStats }
  | { type: 'failed'; message: string }
  | { type: 'profiled'; id: number; file?: string };

export type ParentMessage =
  | { type: 'stats'; id: number }
  | { type: 'stop' }
  /** Start the V8 CPU profiler, or stop it and write the .cpuprofile to `file`. */
  | { type: 'profile'; id: number; action: 'start' | 'stop'; file?: string };

export interface ProcessStats {
  /** Cumulative CPU time of the process, microseconds (process.cpuUsage()). */
  userUs: number;
  systemUs: number;
  rssBytes: number;
  /** Event-loop utilization since the process started, 0..1. */
  elu: number;
  /** Idle and active event-loop time, ms, to diff between two samples. */
  eluIdleMs: number;
  eluActiveMs: number;
}

export function processStats(): ProcessStats {
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  return {
    userUs: cpu.user,
    systemUs: cpu.system,
    rssBytes: process.memoryUsage.rss(),
    elu: elu.utilization,
    eluIdleMs: elu.idle,
    eluActiveMs: elu.active,
  };
}

let session: Session | undefined;

/** Profiles only the measured window (unlike --cpu-prof, which also records start-up). */
async function profile(action: 'start' | 'stop', file?: string): Promise<string | undefined> {
  if (action === 'start') {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    return undefined;
  }
  if (!session) return undefined;
  const { profile: data } = await session.post('Profiler.stop');
  session.disconnect();
  session = undefined;
  if (file) writeFileSync(file, JSON.stringify(data));
  return file;
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

/**
 * The child's half of the protocol: announces the URL, answers stats requests and stops on request,
 * on SIGTERM or when the driver goes away (IPC disconnect), so no server outlives its bench.
 */
export function serveChild(
  start: () => Promise<{ url: string; info?: Record<string, string>; stop(): Promise<void> }>,
): void {
  start().then(
    (server) => {
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        const force = setTimeout(() => process.exit(0), 5000);
        force.unref();
        server.stop().finally(() => process.exit(0));
      };
      process.on('message', (m: ParentMessage) => {
        if (m.type === 'stats') send({ type: 'stats', id: m.id, stats: processStats() });
        else if (m.type === 'stop') stop();
        else if (m.type === 'profile') {
          profile(m.action, m.file).then(
            (file) => send({ type: 'profiled', id: m.id, file }),
            () => send({ type: 'profiled', id: m.id }),
          );
        }
      });
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      process.once('disconnect', stop);
      send({ type: 'ready', url: server.url, info: server.info, node: process.version, pid: process.pid });
    },
    (err: Error) => {
      send({ type: 'failed', message: err.stack ?? err.message });
      process.exit(1);
    },
  );
}
