/**
 * podman, configured for this machine kind (container/stand-in-bases/containers.conf: runc, no
 * default ulimits). Every image and container command of the rehearsal goes through here.
 */
import { type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
const env = { ...process.env, CONTAINERS_CONF: path.join(ROOT, 'container/stand-in-bases/containers.conf') };

export class PodmanError extends Error {
  constructor(
    readonly args: string[],
    readonly status: number | null,
    readonly output: string,
  ) {
    super(
      `podman ${args.slice(0, 2).join(' ')} failed (exit ${status}):\n${output.trim().split('\n').slice(-40).join('\n')}`,
    );
    this.name = 'PodmanError';
  }
}

/** Fails with one clear line when podman is not installed. */
export function assertPodman(): void {
  const probe = spawnSync('podman', ['--version'], { env, encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'podman is not installed: apt-get install -y podman runc mmdebstrap (see README, "Rehearse the image")',
    );
  }
}

/** Runs podman to completion and returns stdout; throws with the output's tail on failure. */
export function podmanSync(args: string[], options: { input?: string; timeoutMs?: number } = {}): string {
  const out = spawnSync('podman', args, {
    env,
    encoding: 'utf8',
    input: options.input,
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new PodmanError(args, out.status, `${out.stdout ?? ''}${out.stderr ?? ''}`);
  return out.stdout;
}

/** Runs podman, streaming its output through `onLine` (e.g. to the console), resolving with all of it. */
export function podmanStream(
  args: string[],
  onLine: (line: string) => void = () => {},
  options: SpawnOptions = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('podman', args, { env, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let all = '';
    let partial = '';
    const take = (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      all += chunk.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => {
      if (partial) onLine(partial);
      if (code === 0) resolve(all);
      else reject(new PodmanError(args, code, all));
    });
  });
}

/** The label value of a local image, or undefined when the image does not exist. */
export function imageLabel(image: string, label: string): string | undefined {
  const out = spawnSync('podman', ['image', 'inspect', image, '--format', `{{ index .Labels "${label}" }}`], {
    env,
    encoding: 'utf8',
  });
  if (out.status !== 0) return undefined;
  const value = out.stdout.trim();
  return value && value !== '<no value>' ? value : undefined;
}

/** An image's size in bytes, as podman reports it. */
export function imageSize(image: string): number {
  return Number(podmanSync(['image', 'inspect', image, '--format', '{{.Size}}']).trim());
}

export { env as podmanEnv };
