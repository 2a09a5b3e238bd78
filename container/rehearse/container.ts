/**
 * One container of the built image, run attached (so its exit code and output are ours), on the
 * host network (it reaches the stand-ins on 127.0.0.1), with the options a target's definition gives.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { podmanEnv, podmanSync } from './podman';

export interface ContainerOptions {
  image: string;
  /** Shown as the prefix of its log lines, and part of the container name. */
  label: string;
  env: Record<string, string>;
  /** `--entrypoint` as a JSON array; the image's own when absent. */
  entryPoint?: string[];
  /** Arguments after the image (CMD); the image's own when absent. */
  command?: string[];
  user?: string;
  readOnly: boolean;
  /** Bind mounts, read-only: host path → container path. */
  mounts?: Record<string, string>;
  /** Called with each line the container writes. */
  onLine?: (line: string) => void;
}

export interface RunningContainer {
  name: string;
  /** Every line written so far (stdout and stderr). */
  readonly lines: string[];
  /** Resolves with the exit code when the container stops. */
  readonly exited: Promise<number>;
  running(): boolean;
  /** `podman stop`: SIGTERM, then SIGKILL after `timeoutSeconds`. */
  stop(timeoutSeconds?: number): Promise<number>;
  kill(): Promise<number>;
}

export function runContainer(o: ContainerOptions): RunningContainer {
  const name = `scalemap-rehearse-${o.label}-${randomBytes(3).toString('hex')}`;
  const args = ['run', '--rm', '--name', name, '--network=host', '--pull=never', '--init=false'];
  if (o.readOnly)
    args.push('--read-only', '--read-only-tmpfs=false', '--tmpfs', '/tmp:rw,size=512m,mode=1777');
  if (o.user) args.push('--user', o.user);
  if (o.entryPoint) args.push('--entrypoint', JSON.stringify(o.entryPoint));
  for (const [from, to] of Object.entries(o.mounts ?? {})) args.push('-v', `${from}:${to}:ro`);
  for (const [k, v] of Object.entries(o.env)) args.push('-e', `${k}=${v}`);
  args.push(o.image, ...(o.command ?? []));

  const child: ChildProcess = spawn('podman', args, { env: podmanEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  // If this process dies without stopping it (a killed test run), the container goes too.
  const watchdog = spawn(
    'sh',
    [
      '-c',
      `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; podman rm -f -t 0 ${name} >/dev/null 2>&1`,
    ],
    { detached: true, stdio: 'ignore', env: podmanEnv },
  );
  watchdog.unref();
  const lines: string[] = [];
  let alive = true;
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        o.onLine?.(line);
      }
    });
  }
  const exited = new Promise<number>((resolve) => {
    child.on('close', (code) => {
      alive = false;
      watchdog.kill();
      resolve(code ?? 1);
    });
    child.on('error', () => {
      alive = false;
      resolve(127);
    });
  });
  const signal = async (cmd: string[]) => {
    if (!alive) return exited;
    try {
      podmanSync(cmd, { timeoutMs: 60_000 });
    } catch {
      // Already gone: the exit code still comes from `exited`.
    }
    return exited;
  };
  return {
    name,
    lines,
    exited,
    running: () => alive,
    stop: (timeoutSeconds = 10) => signal(['stop', '-t', String(timeoutSeconds), name]),
    kill: () => signal(['kill', name]),
  };
}
