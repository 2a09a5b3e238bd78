import path from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { eq, sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import { type CognitoStandIn, startCognito } from '../../container/stand-ins/cognito';
import { createPgCluster, type PgCluster } from '../../container/stand-ins/pg-cluster';
import { type S3StandIn, startS3 } from '../../container/stand-ins/s3';
import { assessments, outbox } from '../../functions/api/platform/db/tables';
import { startTestApp, type TestApp } from '../support/app';
import { ApiClient, allAnswers, PASSWORD, registerAndLogin, uploadViaPresignedPost } from '../support/client';
import { PDF, pdfBytes } from '../support/files';
import { type Load, type LoadRecord, startLoad } from './load';

/**
 * Fault injection against the real app on real HTTP: a throwaway PostgreSQL cluster that is stopped
 * and crashed, and the S3 and Cognito stand-ins stopped, all under a light concurrent load.
 */

let cluster: PgCluster | undefined;
let app: TestApp | undefined;
let load: Load | undefined;
let s3: S3StandIn | undefined;
let cognito: CognitoStandIn | undefined;
let probe: Awaited<ReturnType<typeof registerAndLogin>>;
let probeAssessment: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const the = () => app!;

/** Sends a request and measures it; a request that takes 5 s counts as hung (status 0). */
async function timed(client: ApiClient, method: string, path: string, body?: unknown, headers = {}) {
  const t = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<{ status: number; headers: Headers; body: Record<string, unknown> }>((resolve) => {
    timer = setTimeout(() => resolve({ status: 0, headers: new Headers(), body: {} }), 5000);
  });
  const res = await Promise.race([
    client.request<Record<string, unknown>>(method, path, body, headers),
    hung,
  ]);
  clearTimeout(timer);
  return { ...res, ms: performance.now() - t };
}

function expectProblem503(res: Awaited<ReturnType<typeof timed>>, dependency: string) {
  expect({ status: res.status, fast: res.ms < 2000 }).toEqual({ status: 503, fast: true });
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.headers.get('retry-after')).toBe('2');
  expect(res.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
  expect(String(res.body.detail)).toContain(`(${dependency})`);
}

/** What clients saw: any hang, network error or 500 is a failure; 503s must be problem+json. */
/** Every request in the window succeeded (which mix of reads and creates depends on timing). */
function expectOnlySuccesses(byStatus: Record<string, number>) {
  expect(Object.keys(byStatus).filter((status) => status !== '200' && status !== '201')).toEqual([]);
  expect((byStatus[200] ?? 0) + (byStatus[201] ?? 0)).toBeGreaterThan(0);
}

function summarise(records: LoadRecord[]) {
  const byStatus: Record<string, number> = {};
  for (const r of records) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const bad = records.filter(
    (r) =>
      ![200, 201, 503].includes(r.status) ||
      (r.status === 503 && !r.contentType.startsWith('application/problem+json')),
  );
  const slowest = Math.max(0, ...records.map((r) => r.durationMs));
  return { byStatus, bad, slowest };
}

async function waitFor<T>(what: string, ms: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = performance.now() + ms;
  for (;;) {
    const out = await attempt();
    if (out !== undefined) return out;
    if (performance.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await sleep(50);
  }
}

beforeAll(async () => {
  cluster = await createPgCluster();
  app = await startTestApp({
    databaseUrl: cluster.url,
    deps: { logger: new Logger({ serviceName: 'faults', logLevel: 'ERROR' }) },
  });
  const users = await Promise.all([0, 1, 2, 3].map((i) => registerAndLogin(the().url, `load${i}`)));
  probe = await registerAndLogin(the().url, 'probe');
  const created = await probe.client.post<{ id: string }>('/api/assessments', {});
  probeAssessment = created.body.id;
  load = startLoad(
    the().url,
    users.map((u, i) =>
      // One virtual user on a Bearer token, the rest on session cookies.
      i === 0
        ? { accessToken: u.accessToken }
        : { cookie: [...u.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    ),
  );
  await load.successes(40);
}, 60_000);

afterAll(async () => {
  await load?.stop();
  // A leaked pool client would make the app's pool.end() wait forever.
  const { pool } = (app?.database.handle ?? {}) as { pool?: Pool };
  if (pool && pool.totalCount > pool.idleCount) {
    for (const client of (pool as unknown as { _clients: { release(err?: Error): void }[] })._clients) {
      try {
        client.release(new Error('leaked'));
      } catch {
        // already idle
      }
    }
  }
  // The app's teardown drops its database, so the cluster must be up for it.
  if (cluster && !cluster.running()) await cluster.start().catch(() => undefined);
  await Promise.allSettled([s3?.stop(), cognito?.stop()]);
  await app?.stop().catch(() => undefined);
  await cluster?.destroy();
}, 60_000);

describe('Fault injection: PostgreSQL', () => {
  for (const mode of ['fast', 'immediate'] as const) {
    it(`when the database stops (${mode}), then requests get a 503 problem within 2 s and health names db`, async () => {
      const from = load!.now();
      await cluster!.stop(mode);
      const downFrom = load!.now();
      const bearer = new ApiClient(the().url, { authorization: `Bearer ${probe.accessToken}` });
      const probes = await Promise.all([
        timed(probe.client, 'GET', '/api/assessments'),
        timed(probe.client, 'GET', `/api/assessments/${probeAssessment}`),
        timed(probe.client, 'PUT', `/api/assessments/${probeAssessment}/responses`, {
          responses: { [Object.keys(allAnswers())[0]!]: 3 },
        }),
        timed(probe.client, 'POST', `/api/assessments/${probeAssessment}/submit`),
        timed(probe.client, 'POST', '/api/assessments', {}),
        timed(probe.client, 'GET', '/api/auth/me'),
        timed(bearer, 'GET', '/api/assessments'),
      ]);
      for (const res of probes) expectProblem503(res, 'db');

      const health = await timed(probe.client, 'GET', '/api/health');
      expect(health.status).toBe(503);
      expect(health.ms).toBeLessThan(2000);
      expect(health.body).toMatchObject({
        status: 'unhealthy',
        services: { db: 'down', s3: 'up', cognito: 'up' },
      });
      // What needs no database keeps working.
      expect((await timed(probe.client, 'GET', '/api/questionnaire')).status).toBe(200);

      await sleep(1000);
      const { bad, slowest } = summarise(load!.since(from));
      expect(bad).toEqual([]);
      expect(slowest).toBeLessThan(2000);
      // Requests sent once the server was down: all refused, none served from anywhere else.
      const whileDown = load!
        .since(downFrom)
        .filter((r) => r.startedAt >= downFrom && r.route !== 'GET /questionnaire');
      expect(whileDown.length).toBeGreaterThan(10);
      expect(whileDown.filter((r) => r.status !== 503)).toEqual([]);
    });

    it(`when the database comes back after a ${mode} stop, then the app recovers within 5 s with no broken pooled clients`, async () => {
      await cluster!.start();
      const t = performance.now();
      await waitFor('recovery', 5000, async () => {
        const res = await probe.client.get('/api/assessments');
        return res.status === 200 ? true : undefined;
      });
      expect(performance.now() - t).toBeLessThan(5000);
      const recovered = load!.now();

      // More concurrent requests than the pool holds, then many in sequence: every pooled client
      // that the stop broke must have been discarded, so none of these may fail.
      for (let burst = 0; burst < 3; burst++) {
        const statuses = await Promise.all(
          Array.from({ length: 25 }, (_, i) =>
            i % 2
              ? probe.client.get(`/api/assessments/${probeAssessment}`)
              : probe.client.get('/api/auth/me'),
          ),
        );
        expect(statuses.map((r) => r.status)).toEqual(Array(25).fill(200));
      }
      const sequential: number[] = [];
      for (let i = 0; i < 40; i++) sequential.push((await probe.client.get('/api/assessments')).status);
      expect(sequential).toEqual(Array(40).fill(200));
      const health = await probe.client.get('/api/health');
      expect(health.status).toBe(200);

      // The load saw only successes once the service was back (requests sent 200 ms after).
      await load!.successes(20);
      const after = summarise(load!.since(recovered + 200));
      expectOnlySuccesses(after.byStatus);
    });
  }
});

describe('Fault injection: PostgreSQL restarts, repeatedly', () => {
  it('when the database restarts four times under concurrent writes, then no pooled client leaks and requests succeed', async () => {
    const { pool } = the().database.handle as unknown as { pool: Pool };
    const question = Object.keys(allAnswers())[0]!;
    // The background load holds clients too; pause it so what is still checked out has leaked.
    await load!.pause();
    try {
      for (let round = 0; round < 4; round++) {
        let stop = false;
        const writers = Array.from({ length: 12 }, async () => {
          while (!stop) {
            await probe.client.put(`/api/assessments/${probeAssessment}/responses`, {
              responses: { [question]: 3 },
            });
          }
        });
        await sleep(200);
        await cluster!.stop(round % 2 ? 'fast' : 'immediate');
        await sleep(150);
        await cluster!.start();
        await sleep(200);
        stop = true;
        await Promise.all(writers);
        // Every client is back in the pool: none was leaked by a transaction that failed at BEGIN.
        expect({ round, inUse: pool.totalCount - pool.idleCount, waiting: pool.waitingCount }).toEqual({
          round,
          inUse: 0,
          waiting: 0,
        });
      }
    } finally {
      load!.resume();
    }
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => probe.client.get('/api/assessments')),
    );
    expect(statuses.map((r) => r.status)).toEqual(Array(20).fill(200));
  });
});

describe('Fault injection: S3', () => {
  let pendingDoc: string;
  const bytes = pdfBytes();

  it('when S3 is down, then upload slots and completions get a 503 while questionnaire and assessment routes keep working', async () => {
    const slot = await probe.client.post<{ document: { id: string } }>(
      `/api/assessments/${probeAssessment}/documents`,
      {
        fileName: 'before-outage.pdf',
        contentType: PDF,
        sizeBytes: bytes.length,
      },
    );
    expect(slot.status).toBe(201);
    pendingDoc = slot.body.document.id;

    // Slots handed out while S3 is down (see below) land on their own assessment.
    const spare = await probe.client.post<{ id: string }>('/api/assessments', {});
    const from = load!.now();
    await the().s3.stop();
    const newSlot = () =>
      timed(probe.client, 'POST', `/api/assessments/${spare.body.id}/documents`, {
        fileName: 'during-outage.pdf',
        contentType: PDF,
        sizeBytes: bytes.length,
      });
    // The app caches S3 reachability for up to 5 s (presigning itself needs no network), so slots
    // may still be handed out just after the outage starts; after that every one must be refused.
    await waitFor('a 503 for upload slots', 6500, async () => {
      if ((await newSlot()).status === 503) return true;
      await sleep(500);
      return undefined;
    });
    for (const res of [await newSlot(), await newSlot()]) expectProblem503(res, 's3');
    expectProblem503(
      await timed(
        probe.client,
        'POST',
        `/api/assessments/${probeAssessment}/documents/${pendingDoc}/complete`,
      ),
      's3',
    );
    const health = await probe.client.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ services: { db: 'up', s3: 'down', cognito: 'up' } });

    expect((await probe.client.get('/api/questionnaire')).status).toBe(200);
    expect((await probe.client.get(`/api/assessments/${probeAssessment}`)).status).toBe(200);
    await load!.successes(10);
    const seen = summarise(load!.since(from));
    expectOnlySuccesses(seen.byStatus);
  });

  it('when S3 comes back, then the pending upload completes', async () => {
    const { port } = new URL(the().s3.endpoint);
    s3 = await startS3({
      dataDir: path.join(the().dataDir, 's3'),
      bucket: the().s3.bucket,
      allowedOrigins: [the().url],
      port: Number(port),
    });
    const slot = await waitFor('an upload slot', 6000, async () => {
      const res = await probe.client.post<{
        document: { id: string };
        upload: { url: string; fields: Record<string, string> };
      }>(`/api/assessments/${probeAssessment}/documents`, {
        fileName: 'after-outage.pdf',
        contentType: PDF,
        sizeBytes: bytes.length,
      });
      return res.status === 201 ? res.body : undefined;
    });
    expect(await uploadViaPresignedPost(slot.upload, bytes, PDF)).toBeLessThan(300);
    const done = await probe.client.post(
      `/api/assessments/${probeAssessment}/documents/${slot.document.id}/complete`,
    );
    expect(done.status).toBe(200);
    // The slot handed out before the outage was never used: the object is missing, not S3.
    const early = await probe.client.post(
      `/api/assessments/${probeAssessment}/documents/${pendingDoc}/complete`,
    );
    expect(early.status).toBe(422);
  });
});

describe('Fault injection: Cognito', () => {
  it('when Cognito is down, then login gets a 503 while sessions and Bearer tokens keep working', async () => {
    const from = load!.now();
    await the().cognito.stop();
    const anon = new ApiClient(the().url);
    expectProblem503(
      await timed(anon, 'POST', '/api/auth/login', { email: probe.email, password: PASSWORD }),
      'cognito',
    );
    expectProblem503(
      await timed(anon, 'POST', '/api/auth/register', {
        email: `late-${Date.now()}@example.com`,
        password: PASSWORD,
        companyName: 'Late Ltd',
        industry: 'Retail',
      }),
      'cognito',
    );
    expect((await probe.client.get('/api/auth/me')).status).toBe(200);
    const bearer = new ApiClient(the().url, { authorization: `Bearer ${probe.accessToken}` });
    expect((await bearer.get(`/api/assessments/${probeAssessment}`)).status).toBe(200);
    const health = await probe.client.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ services: { db: 'up', s3: 'up', cognito: 'down' } });

    await load!.successes(10);
    const seen = summarise(load!.since(from));
    expectOnlySuccesses(seen.byStatus);
  });

  it('when Cognito comes back, then login works again', async () => {
    cognito = await startCognito({
      dataDir: path.join(the().dataDir, 'cognito'),
      port: Number(new URL(the().cognito.endpoint).port),
    });
    const anon = new ApiClient(the().url);
    const login = await anon.post('/api/auth/login', { email: probe.email, password: PASSWORD });
    expect(login.status).toBe(200);
  });
});

describe('Durability across the faults', () => {
  it('when the load stops, then every 2xx submit is stored exactly once with exactly one outbox row, and nothing else is submitted', async () => {
    await load!.stop();
    const { bad } = summarise(load!.records);
    expect(bad).toEqual([]);
    const { db } = the().deps.db;
    const rows = await db
      .select({ id: assessments.id })
      .from(assessments)
      .where(eq(assessments.status, 'submitted'));
    const stored = rows.map((r) => r.id).sort();
    expect(load!.submitted.size).toBeGreaterThan(10);
    expect(stored).toEqual([...load!.submitted].sort());
    expect(load!.submitCalls2xx).toBe(load!.submitted.size);

    const events = await db
      .select({
        assessmentId: sql<string>`${outbox.payload}->>'assessmentId'`,
        n: sql<number>`count(*)::int`,
      })
      .from(outbox)
      .groupBy(sql`${outbox.payload}->>'assessmentId'`);
    expect(events.map((e) => e.assessmentId).sort()).toEqual(stored);
    expect(events.every((e) => e.n === 1)).toBe(true);
  });

  it('when the load has stopped, then every pooled client is back in the pool (none leaked by the faults)', async () => {
    const { pool } = the().database.handle as unknown as { pool: Pool };
    expect({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }).toEqual({
      total: pool.idleCount,
      idle: pool.idleCount,
      waiting: 0,
    });
  });
});
