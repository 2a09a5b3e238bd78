/**
 * The first minute of `npm start` (container/local.ts): a request during the start is answered at
 * once instead of hanging, a busy port is one readable line, and the stand-ins print no notes of
 * their own dependencies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type LocalServer, startLocal } from '../../container/local';
import { ROOT } from '../../scripts/build';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { runNode } from './support/runtime';

/** `node --import tsx`, as `npm start` runs it, from anywhere (the loader resolves from the cwd otherwise). */
const TSX = ['--import', pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href];
const LOCAL_ENTRY = path.join(ROOT, 'container/local.ts');

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  const port = await listen(probe);
  await close(probe);
  return port;
}

async function whenConnectable(port: number, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(true));
      socket.once('error', () => resolve(false));
      socket.once('connect', () => socket.destroy());
    });
    if (open) return;
    if (Date.now() > end) throw new Error(`port ${port} never opened`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A TCP gate in front of PostgreSQL: it holds every connection until opened, so the start waits on
 * its migrations for as long as the test wants.
 */
function postgresGate(url: string) {
  const target = new URL(url);
  const held: net.Socket[] = [];
  const pipe = (socket: net.Socket) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
    socket.pipe(upstream).pipe(socket);
  };
  let isOpen = false;
  const server = net.createServer((socket) => (isOpen ? pipe(socket) : held.push(socket)));
  return {
    async start(): Promise<string> {
      const gated = new URL(url);
      gated.host = `127.0.0.1:${await listen(server)}`;
      return gated.toString();
    },
    open() {
      isOpen = true;
      for (const socket of held.splice(0)) pipe(socket);
    },
    stop: () => close(server),
  };
}

describe('npm start (container/local.ts)', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-local-start-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('when a request arrives before the app is ready, then it gets a fast 503 problem+json with Retry-After, and once ready the same port serves the app', async () => {
    // On real PostgreSQL the start is held at its migrations by a gate; on PGlite (no DATABASE_URL)
    // a fresh data directory takes seconds, which is window enough.
    let database: TestDatabase | undefined;
    let gate: ReturnType<typeof postgresGate> | undefined;
    const env: Record<string, string> = {};
    if (process.env.DATABASE_URL) {
      database = await createTestDatabase();
      gate = postgresGate(database.url!);
      env.DATABASE_URL = await gate.start();
      env.DB_CONNECT_TIMEOUT_MS = '60000';
    }
    const port = await freePort();
    const starting = startLocal({ port, dataDir, quiet: true, env });
    let local: LocalServer | undefined;
    try {
      await whenConnectable(port);
      const early = await fetch(`http://127.0.0.1:${port}/api/health`, {
        headers: { 'x-correlation-id': 'probe-during-start' },
        // It used to hang for good; the bound is loose because the start shares this process.
        signal: AbortSignal.timeout(5000),
      });
      expect(early.status).toBe(503);
      expect(early.headers.get('content-type')).toBe('application/problem+json');
      expect(early.headers.get('retry-after')).toBe('2');
      const problem = await early.json();
      expect(problem).toEqual({
        type: '/problems/service-unavailable',
        title: 'Service Unavailable',
        status: 503,
        detail: expect.stringContaining('starting'),
        correlationId: 'probe-during-start',
      });
      expect(early.headers.get('x-correlation-id')).toBe('probe-during-start');

      gate?.open();
      local = await starting;
      const ready = await fetch(`http://127.0.0.1:${port}/api/health`, {
        signal: AbortSignal.timeout(10_000),
      });
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'healthy' });
    } finally {
      gate?.open();
      local ??= await starting.catch(() => undefined);
      await local?.stop();
      await gate?.stop();
      await database?.drop();
    }
  }, 90_000);

  it('when the port is taken, then it exits 1 with one line naming the port and how to pick another', async () => {
    const taken = http.createServer();
    const port = await listen(taken);
    try {
      // The cwd has no client/, so nothing is built first; PORT is what a newcomer would set.
      const exit = await runNode(
        [...TSX, LOCAL_ENTRY],
        { PATH: process.env.PATH ?? '', PORT: String(port) },
        dataDir,
        30_000,
      );
      expect(exit.code).toBe(1);
      const lines = exit.stderr.trim().split('\n');
      expect(lines).toEqual([
        `Port ${port} is already in use (another npm start?). Stop it, or pick another port: PORT=${port + 1} npm start`,
      ]);
    } finally {
      await close(taken);
    }
  }, 40_000);

  it('when the Cognito stand-in loads, then no end-of-support note from its aws-sdk v2 is printed', async () => {
    const load = `require(${JSON.stringify(path.join(ROOT, 'container/stand-ins/cognito.ts'))}); setTimeout(() => {}, 300);`;
    const exit = await runNode([...TSX, '-e', load], { PATH: process.env.PATH ?? '' }, dataDir, 30_000);
    expect(exit.code).toBe(0);
    expect(exit.stderr).not.toMatch(/end-of-support|AWS SDK for JavaScript \(v2\)/);
  }, 40_000);
});
