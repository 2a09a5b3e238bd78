import path from 'node:path';
import type { Pool } from 'pg';
import { startCognito } from '../../container/stand-ins/cognito';
import { startS3 } from '../../container/stand-ins/s3';
import { ApiClient, allAnswers, PASSWORD, uploadViaPresignedPost } from '../support/client';
import { PDF, pdfBytes } from '../support/files';
import { outboxEventsPerAssessment, submittedIds } from './support/durability';
import { expectOnlySuccesses, expectProblem503, sleep, summarise, timed, waitFor } from './support/probes';
import { faultScene } from './support/scenario';

/**
 * Fault injection against the real app on real HTTP: a throwaway PostgreSQL cluster that is stopped
 * and crashed, and the S3 and Cognito stand-ins stopped, all under a light concurrent load.
 */
const scene = faultScene();

describe('Fault injection: PostgreSQL', () => {
  for (const mode of ['fast', 'immediate'] as const) {
    it(`when the database stops (${mode}), then requests get a 503 problem within 2 s and health names db`, async () => {
      const from = scene.load.now();
      await scene.cluster.stop(mode);
      const downFrom = scene.load.now();
      const bearer = new ApiClient(scene.app.url, { authorization: `Bearer ${scene.probe.accessToken}` });
      const probes = await Promise.all([
        timed(scene.probe.client, 'GET', '/api/assessments'),
        timed(scene.probe.client, 'GET', `/api/assessments/${scene.probeAssessment}`),
        timed(scene.probe.client, 'PUT', `/api/assessments/${scene.probeAssessment}/responses`, {
          responses: { [Object.keys(allAnswers())[0]!]: 3 },
        }),
        timed(scene.probe.client, 'POST', `/api/assessments/${scene.probeAssessment}/submit`),
        timed(scene.probe.client, 'POST', '/api/assessments', {}),
        timed(scene.probe.client, 'GET', '/api/auth/me'),
        timed(bearer, 'GET', '/api/assessments'),
      ]);
      for (const res of probes) expectProblem503(res, 'db');

      const health = await timed(scene.probe.client, 'GET', '/api/health');
      expect(health.status).toBe(503);
      expect(health.ms).toBeLessThan(2000);
      expect(health.body).toMatchObject({
        status: 'unhealthy',
        services: { db: 'down', s3: 'up', cognito: 'up' },
      });
      // What needs no database keeps working.
      expect((await timed(scene.probe.client, 'GET', '/api/questionnaire')).status).toBe(200);

      await sleep(1000);
      const { bad, slowest } = summarise(scene.load.since(from));
      expect(bad).toEqual([]);
      expect(slowest).toBeLessThan(2000);
      // Requests sent once the server was down: all refused, none served from anywhere else.
      const whileDown = scene.load
        .since(downFrom)
        .filter((r) => r.startedAt >= downFrom && r.route !== 'GET /questionnaire');
      expect(whileDown.length).toBeGreaterThan(10);
      expect(whileDown.filter((r) => r.status !== 503)).toEqual([]);
    });

    it(`when the database comes back after a ${mode} stop, then the app recovers within 5 s with no broken pooled clients`, async () => {
      await scene.cluster.start();
      const t = performance.now();
      await waitFor('recovery', 5000, async () => {
        const res = await scene.probe.client.get('/api/assessments');
        return res.status === 200 ? true : undefined;
      });
      expect(performance.now() - t).toBeLessThan(5000);
      const recovered = scene.load.now();

      // More concurrent requests than the pool holds, then many in sequence: every pooled client
      // that the stop broke must have been discarded, so none of these may fail.
      for (let burst = 0; burst < 3; burst++) {
        const statuses = await Promise.all(
          Array.from({ length: 25 }, (_, i) =>
            i % 2
              ? scene.probe.client.get(`/api/assessments/${scene.probeAssessment}`)
              : scene.probe.client.get('/api/auth/me'),
          ),
        );
        expect(statuses.map((r) => r.status)).toEqual(Array(25).fill(200));
      }
      const sequential: number[] = [];
      for (let i = 0; i < 40; i++) sequential.push((await scene.probe.client.get('/api/assessments')).status);
      expect(sequential).toEqual(Array(40).fill(200));
      const health = await scene.probe.client.get('/api/health');
      expect(health.status).toBe(200);

      // The load saw only successes once the service was back (requests sent 200 ms after).
      await scene.load.successes(20);
      const after = summarise(scene.load.since(recovered + 200));
      expectOnlySuccesses(after.byStatus);
    });
  }
});

describe('Fault injection: PostgreSQL restarts, repeatedly', () => {
  it('when the database restarts four times under concurrent writes, then no pooled client leaks and requests succeed', async () => {
    const { pool } = scene.app.database.handle as unknown as { pool: Pool };
    const question = Object.keys(allAnswers())[0]!;
    // The background load holds clients too; pause it so what is still checked out has leaked.
    await scene.load.pause();
    try {
      for (let round = 0; round < 4; round++) {
        let stop = false;
        const writers = Array.from({ length: 12 }, async () => {
          while (!stop) {
            await scene.probe.client.put(`/api/assessments/${scene.probeAssessment}/responses`, {
              responses: { [question]: 3 },
            });
          }
        });
        await sleep(200);
        await scene.cluster.stop(round % 2 ? 'fast' : 'immediate');
        await sleep(150);
        await scene.cluster.start();
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
      scene.load.resume();
    }
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => scene.probe.client.get('/api/assessments')),
    );
    expect(statuses.map((r) => r.status)).toEqual(Array(20).fill(200));
  });
});

describe('Fault injection: S3', () => {
  let pendingDoc: string;
  const bytes = pdfBytes();

  it('when S3 is down, then upload slots and completions get a 503 while questionnaire and assessment routes keep working', async () => {
    const slot = await scene.probe.client.post<{ document: { id: string } }>(
      `/api/assessments/${scene.probeAssessment}/documents`,
      {
        fileName: 'before-outage.pdf',
        contentType: PDF,
        sizeBytes: bytes.length,
      },
    );
    expect(slot.status).toBe(201);
    pendingDoc = slot.body.document.id;

    // Slots handed out while S3 is down (see below) land on their own assessment.
    const spare = await scene.probe.client.post<{ id: string }>('/api/assessments', {});
    const from = scene.load.now();
    await scene.app.s3.stop();
    const newSlot = () =>
      timed(scene.probe.client, 'POST', `/api/assessments/${spare.body.id}/documents`, {
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
        scene.probe.client,
        'POST',
        `/api/assessments/${scene.probeAssessment}/documents/${pendingDoc}/complete`,
      ),
      's3',
    );
    const health = await scene.probe.client.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ services: { db: 'up', s3: 'down', cognito: 'up' } });

    expect((await scene.probe.client.get('/api/questionnaire')).status).toBe(200);
    expect((await scene.probe.client.get(`/api/assessments/${scene.probeAssessment}`)).status).toBe(200);
    await scene.load.successes(10);
    const seen = summarise(scene.load.since(from));
    expectOnlySuccesses(seen.byStatus);
  });

  it('when S3 comes back, then the pending upload completes', async () => {
    const { port } = new URL(scene.app.s3.endpoint);
    scene.s3 = await startS3({
      dataDir: path.join(scene.app.dataDir, 's3'),
      bucket: scene.app.s3.bucket,
      allowedOrigins: [scene.app.url],
      port: Number(port),
    });
    const slot = await waitFor('an upload slot', 6000, async () => {
      const res = await scene.probe.client.post<{
        document: { id: string };
        upload: { url: string; fields: Record<string, string> };
      }>(`/api/assessments/${scene.probeAssessment}/documents`, {
        fileName: 'after-outage.pdf',
        contentType: PDF,
        sizeBytes: bytes.length,
      });
      return res.status === 201 ? res.body : undefined;
    });
    expect(await uploadViaPresignedPost(slot.upload, bytes, PDF)).toBeLessThan(300);
    const done = await scene.probe.client.post(
      `/api/assessments/${scene.probeAssessment}/documents/${slot.document.id}/complete`,
    );
    expect(done.status).toBe(200);
    // The slot handed out before the outage was never used: the object is missing, not S3.
    const early = await scene.probe.client.post(
      `/api/assessments/${scene.probeAssessment}/documents/${pendingDoc}/complete`,
    );
    expect(early.status).toBe(422);
  });
});

describe('Fault injection: Cognito', () => {
  it('when Cognito is down, then login gets a 503 while sessions and Bearer tokens keep working', async () => {
    const from = scene.load.now();
    await scene.app.cognito.stop();
    const anon = new ApiClient(scene.app.url);
    expectProblem503(
      await timed(anon, 'POST', '/api/auth/login', { email: scene.probe.email, password: PASSWORD }),
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
    expect((await scene.probe.client.get('/api/auth/me')).status).toBe(200);
    const bearer = new ApiClient(scene.app.url, { authorization: `Bearer ${scene.probe.accessToken}` });
    expect((await bearer.get(`/api/assessments/${scene.probeAssessment}`)).status).toBe(200);
    const health = await scene.probe.client.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ services: { db: 'up', s3: 'up', cognito: 'down' } });

    await scene.load.successes(10);
    const seen = summarise(scene.load.since(from));
    expectOnlySuccesses(seen.byStatus);
  });

  it('when Cognito comes back, then login works again', async () => {
    scene.cognito = await startCognito({
      dataDir: path.join(scene.app.dataDir, 'cognito'),
      port: Number(new URL(scene.app.cognito.endpoint).port),
    });
    const anon = new ApiClient(scene.app.url);
    const login = await anon.post('/api/auth/login', { email: scene.probe.email, password: PASSWORD });
    expect(login.status).toBe(200);
  });
});

describe('Durability across the faults', () => {
  it('when the load stops, then every 2xx submit is stored exactly once with exactly one outbox row, and nothing else is submitted', async () => {
    await scene.load.stop();
    const { bad } = summarise(scene.load.records);
    expect(bad).toEqual([]);
    const { db } = scene.app.deps.db;
    const stored = await submittedIds(db);
    expect(scene.load.submitted.size).toBeGreaterThan(10);
    expect(stored).toEqual([...scene.load.submitted].sort());
    expect(scene.load.submitCalls2xx).toBe(scene.load.submitted.size);

    const events = await outboxEventsPerAssessment(db);
    expect(events.map((e) => e.assessmentId).sort()).toEqual(stored);
    expect(events.every((e) => e.n === 1)).toBe(true);
  });

  it('when the load has stopped, then every pooled client is back in the pool (none leaked by the faults)', async () => {
    const { pool } = scene.app.database.handle as unknown as { pool: Pool };
    expect({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }).toEqual({
      total: pool.idleCount,
      idle: pool.idleCount,
      waiting: 0,
    });
  });
});
