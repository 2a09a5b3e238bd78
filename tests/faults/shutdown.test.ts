import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { type CognitoStandIn, startCognito } from '../../container/stand-ins/cognito';
import { standInEnv } from '../../container/stand-ins/env';
import { createPgCluster, type PgCluster } from '../../container/stand-ins/pg-cluster';
import { type S3StandIn, startS3 } from '../../container/stand-ins/s3';
import { questionIndex } from '../../functions/api/features/questionnaire/service';
import {
  assembleTaskRoot,
  ensureRuntime,
  LOCAL_SERVER_ENV,
  type RunningServer,
  startServer,
} from '../container/support/runtime';
import { registerAndLogin } from '../support/client';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { connects } from '../support/net';
import { type Load, startLoad } from './load';
import { outboxEventsPerAssessment, submittedIds } from './support/durability';

/**
 * SIGTERM to the bundled HTTP server (server.js, as Fargate runs it) in the middle of a steady load,
 * against a real PostgreSQL cluster and the S3/Cognito stand-ins: nothing the server accepted may be
 * dropped, and nothing it acknowledged may be lost.
 */

let cluster: PgCluster | undefined;
let database: TestDatabase | undefined;
let s3: S3StandIn | undefined;
let cognito: CognitoStandIn | undefined;
let bus: http.Server | undefined;
let task: { dir: string; remove(): void } | undefined;
let server: RunningServer | undefined;
let load: Load | undefined;
const dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-shutdown-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const questionId = [...questionIndex.keys()][0]!;

async function waitUntil(check: () => Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(20);
  }
}

/** A stand-in EventBridge that accepts every PutEvents entry. */
async function startBus(): Promise<string> {
  bus = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      const entries = (JSON.parse(body || '{}') as { Entries?: unknown[] }).Entries ?? [];
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      res.end(
        JSON.stringify({ FailedEntryCount: 0, Entries: entries.map((_, i) => ({ EventId: `e-${i}` })) }),
      );
    });
  });
  await new Promise<void>((resolve) => bus!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(bus.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  const [runtime, pg] = await Promise.all([ensureRuntime(), createPgCluster()]);
  cluster = pg;
  task = assembleTaskRoot(runtime);
  database = await createTestDatabase({ adminUrl: cluster.url });
  const bucket = 'scalemap-shutdown';
  [s3, cognito] = await Promise.all([
    startS3({ dataDir: path.join(dir, 's3'), bucket, allowedOrigins: ['https://app.scalemap.example'] }),
    startCognito({ dataDir: path.join(dir, 'cognito') }),
  ]);
  const busUrl = await startBus();
  server = await startServer(task.dir, {
    ...LOCAL_SERVER_ENV,
    LOG_LEVEL: 'INFO',
    TRUST_PROXY: '0',
    AWS_ENDPOINT_URL_EVENTBRIDGE: busUrl,
    DATABASE_URL: database.url!,
    DB_TLS: 'off',
    ...standInEnv(s3, cognito),
    EVENT_BUS_NAME: 'scalemap-shutdown',
    ALLOWED_ORIGINS: 'https://app.scalemap.example',
    TRACING_ENABLED: 'false',
  });
}, 120_000);

afterAll(async () => {
  await load?.stop();
  server?.kill();
  await Promise.allSettled([
    s3?.stop(),
    cognito?.stop(),
    new Promise<void>((resolve) => (bus ? bus.close(() => resolve()) : resolve())),
  ]);
  await database?.drop().catch(() => undefined);
  await cluster?.destroy();
  task?.remove();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('server.js on SIGTERM under load', () => {
  it('when SIGTERM arrives mid-load, then every request it accepted is answered with a 2xx and every acknowledged submit is stored once', async () => {
    const running = server!;
    const users = await Promise.all([0, 1, 2, 3].map((i) => registerAndLogin(running.url, `drain${i}`)));
    load = startLoad(
      running.url,
      users.map((u) => ({ cookie: [...u.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') })),
      5,
    );
    await load.successes(60);

    // Requests that are certainly in flight when the signal lands: autosaves waiting on a row lock
    // that the test holds, released only once the server is draining.
    const holder = users[0]!;
    const held = (await holder.client.post<{ id: string }>('/api/assessments', {})).body.id;
    const locker = new Client({ connectionString: database!.url });
    locker.on('error', () => {});
    await locker.connect();
    await locker.query('begin');
    await locker.query('select id from assessments where id = $1 for update', [held]);
    const blocked = Array.from({ length: 5 }, (_, i) =>
      holder.client
        .put(`/api/assessments/${held}/responses`, { responses: { [questionId]: (i % 5) + 1 } })
        .then(
          (r) => r.status,
          (e: Error) => `failed: ${String((e as { cause?: { code?: string } }).cause?.code ?? e.name)}`,
        ),
    );
    await waitUntil(async () => {
      // Inside a transaction pg_stat_activity is a snapshot; clear it to see the waiters arrive.
      await locker.query('select pg_stat_clear_snapshot()');
      const { rows } = await locker.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
      );
      return rows[0]!.n >= 5;
    });

    const signalledAt = load.now();
    running.child.kill('SIGTERM');
    await sleep(300);
    // Draining: no new connections, but the held requests are still being served.
    expect(await connects(running.url)).toBe(false);
    expect(running.child.exitCode).toBeNull();
    await locker.query('commit');
    await locker.end();
    const exit = await running.exited;
    const exitedAt = load.now();
    await sleep(100);
    await load.stop();

    expect(exit.code).toBe(0);
    expect(exitedAt - signalledAt).toBeLessThan(5000);
    expect(await Promise.all(blocked)).toEqual([200, 200, 200, 200, 200]);

    const records = load.records;
    const inFlightAtSignal = records.filter(
      (r) => r.startedAt < signalledAt && r.startedAt + r.durationMs > signalledAt,
    );
    // Everything the server answered, it answered properly: no 5xx while draining.
    const answered = records.filter((r) => r.status !== 0);
    expect(answered.filter((r) => r.status >= 300)).toEqual([]);
    // What failed never reached the app: no access-log line has its correlation id.
    const logged = new Set(
      running.logs
        .map((line) => {
          try {
            return JSON.parse(line) as { message?: string; correlationId?: string };
          } catch {
            return {};
          }
        })
        .filter((l) => l.message === 'request' && l.correlationId)
        .map((l) => l.correlationId!),
    );
    const failed = records.filter((r) => r.status === 0);
    expect(failed.filter((r) => logged.has(r.correlationId))).toEqual([]);
    expect(failed.every((r) => r.startedAt + r.durationMs >= signalledAt)).toBe(true);
    // A request the client started just before SIGTERM can still lose HTTP keep-alive's idle-socket
    // race: the server closes a socket it sees as idle while the client's request is on the way.
    // Such a request never reached the app (checked above) and fails at the moment the idle sockets
    // close; the requests the app was serving (the 5 held ones, and all logged ones) complete.
    const raced = inFlightAtSignal.filter((r) => r.status === 0);
    expect(raced.filter((r) => logged.has(r.correlationId))).toEqual([]);
    expect(raced.every((r) => r.startedAt + r.durationMs < signalledAt + 1000)).toBe(true);
    expect(raced.length).toBeLessThanOrEqual(2);

    // Acknowledged submits are stored, unacknowledged ones are not: nothing was cut after commit.
    const { db } = database!.handle;
    expect(await submittedIds(db)).toEqual([...load.submitted].sort());
    expect(load.submitted.size).toBeGreaterThan(0);
    const events = await outboxEventsPerAssessment(db);
    expect(events.every((e) => e.n === 1)).toBe(true);
    expect(events.length).toBe(load.submitted.size);
  });
});
