/**
 * The Fargate task's API container, rehearsed as the task definition says: its entry point, user,
 * root filesystem mode and environment. The front proxies to it as the ALB would.
 */
import http from 'node:http';
import { freePort } from '../stand-ins/free-port';
import { type RunningContainer, runContainer } from './container';
import type { ApiHandler } from './front';
import type { FargateContainerSpec } from './template';

export interface RehearsedTask {
  container: RunningContainer;
  port: number;
  api: ApiHandler;
}

/** Starts the container and waits until it answers HTTP (or fails, with its output). */
export async function startTask(opts: {
  image: string;
  spec: FargateContainerSpec;
  env: Record<string, string>;
  mounts: Record<string, string>;
  onLine?: (line: string) => void;
}): Promise<RehearsedTask> {
  const port = await freePort();
  const container = runContainer({
    image: opts.image,
    label: 'fargate',
    entryPoint: opts.spec.entryPoint,
    command: opts.spec.command.length ? opts.spec.command : undefined,
    user: opts.spec.user,
    readOnly: opts.spec.readonlyRootFilesystem,
    mounts: opts.mounts,
    // The host network is shared: listen on loopback only, on a port of our choosing.
    env: { ...opts.env, PORT: String(port), HOST: '127.0.0.1' },
    onLine: opts.onLine,
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (!container.running()) {
      const code = await container.exited;
      throw new Error(
        `the Fargate container exited with ${code} before serving:\n${container.lines.slice(-20).join('\n')}`,
      );
    }
    const up = await new Promise<boolean>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/health', timeout: 2000 }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on('error', () => resolve(false));
      req.on('timeout', () => req.destroy());
    });
    if (up) break;
    if (Date.now() > deadline) {
      await container.kill();
      throw new Error(
        `the Fargate container did not answer within 30 s:\n${container.lines.slice(-20).join('\n')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 150));
  }

  const agent = new http.Agent({ keepAlive: true });
  const api: ApiHandler = (req, res, body) =>
    new Promise((resolve) => {
      const headers = { ...req.headers, 'x-forwarded-proto': 'http' };
      const upstream = http.request(
        { host: '127.0.0.1', port, method: req.method, path: req.url, headers, agent },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
          up.on('end', resolve);
        },
      );
      upstream.on('error', () => {
        // The ALB's answer when no target is healthy.
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        resolve();
      });
      upstream.end(body);
    });
  return { container, port, api };
}
