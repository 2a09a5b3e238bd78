/**
 * Graceful shutdown of the bundled server.js: on SIGTERM (what ECS sends when it stops a task) it
 * stops accepting, lets in-flight requests finish, closes the pool and exits 0 well inside the stop
 * timeout. Requests are kept in flight by slow S3 and Cognito stand-ins behind /api/health.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { connects } from '../support/net';
import {
  assembleTaskRoot,
  ensureRuntime,
  LOCAL_SERVER_ENV,
  type RunningServer,
  startServer,
} from './support/runtime';

const SLOW_MS = 1500;

/** Answers anything after SLOW_MS: an empty 200 for S3's HeadBucket, an empty key set for Cognito's JWKS. */
function slowDependency() {
  let seen = 0;
  const server = http.createServer((req, res) => {
    seen++;
    setTimeout(() => {
      res.setHeader('content-type', 'application/json');
      res.end(req.url?.endsWith('jwks.json') ? '{"keys":[]}' : '');
    }, SLOW_MS);
  });
  return {
    server,
    seen: () => seen,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('server.js on SIGTERM', () => {
  let task: { dir: string; remove(): void };
  let slow: ReturnType<typeof slowDependency>;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    task = assembleTaskRoot(await ensureRuntime());
    slow = slowDependency();
    const endpoint = await slow.start();
    server = await startServer(task.dir, {
      ...LOCAL_SERVER_ENV,
      // Nothing listens on port 1: the db check fails fast, which is fine for this test.
      DATABASE_URL: 'postgres://scalemap@127.0.0.1:1/scalemap',
      DB_TLS: 'off',
      DOCUMENTS_BUCKET: 'scalemap-shutdown',
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      COGNITO_ENDPOINT: endpoint,
      COGNITO_USER_POOL_ID: 'us-east-1_shutdown',
      COGNITO_CLIENT_ID: 'shutdown',
      EVENT_BUS_NAME: 'scalemap-shutdown',
      ALLOWED_ORIGINS: 'https://app.scalemap.example',
      DEPENDENCY_TIMEOUT_MS: '5000',
      TRACING_ENABLED: 'false',
    });
  }, 120_000);

  afterAll(async () => {
    server?.kill();
    await slow?.stop();
    task?.remove();
  });

  it('when requests are in flight, then they complete, new connections are refused and it exits 0 promptly', async () => {
    const running = server!;
    // Three requests on keep-alive connections, each held for SLOW_MS by the slow dependencies.
    const inFlight = [0, 1, 2].map(() =>
      fetch(`${running.url}/api/health`).then(async (res) => ({
        status: res.status,
        body: await res.json(),
      })),
    );
    await until(() => slow.seen() >= 6);

    const signalledAt = performance.now();
    running.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    expect(await connects(running.url)).toBe(false);

    const answers = await Promise.all(inFlight);
    const answeredAt = performance.now();
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({
        status: 'unhealthy',
        services: { db: 'down', s3: 'up', cognito: 'up' },
      });
    }

    const exit = await running.exited;
    const exitedAt = performance.now();
    expect(exit.code).toBe(0);
    // Idle keep-alive sockets must not hold the process until their 65 s timeout.
    expect(exitedAt - answeredAt).toBeLessThan(1000);
    expect(exitedAt - signalledAt).toBeLessThan(SLOW_MS + 2000);
    expect(running.logs.join('\n')).toMatch(/"message":"stopped"/);
  });
});
