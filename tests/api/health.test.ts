import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { type S3StandIn, startS3 } from '../../container/stand-ins/s3';
import { documents } from '../../functions/api/platform/db/tables';
import { startTestApp, type TestApp } from '../support/app';
import { ApiClient, registerAndLogin, uploadViaPresignedPost } from '../support/client';
import { PDF, pdfBytes } from '../support/files';
import { rowCount, snapshot } from './support/inspect';
import { expectProblem } from './support/problem';

interface Health {
  status: 'healthy' | 'unhealthy';
  timestamp: string;
  version: string;
  services: { db: 'up' | 'down'; s3: 'up' | 'down'; cognito: 'up' | 'down' };
}

/** A server that accepts connections and never answers: a dependency that hangs rather than refuses. */
async function blackHole(port: number): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const portOf = (endpoint: string) => Number(new URL(endpoint).port);

async function health(url: string) {
  const started = Date.now();
  const res = await new ApiClient(url).get<Health>('/api/health');
  return { res, ms: Date.now() - started };
}

describe('GET /api/health', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('when every dependency is up, then 200 healthy with each service up, uncached and without credentials', async () => {
    const { res } = await health(app.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({
      status: 'healthy',
      timestamp: expect.any(String),
      version: app.config.version,
      services: { db: 'up', s3: 'up', cognito: 'up' },
    });
    expect(Math.abs(Date.parse(res.body.timestamp) - Date.now())).toBeLessThan(60_000);
  });
});

describe('GET /api/health when a dependency is down', () => {
  let app: TestApp;
  let restartedS3: S3StandIn | undefined;
  let hole: { close(): Promise<void> } | undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-health-'));
  let user: Awaited<ReturnType<typeof registerAndLogin>>;
  /** An assessment with one uploaded and one pending document, made while S3 is up. */
  const docs = { assessmentId: '', uploaded: '', pending: '', storageCheckedAt: 0 };
  beforeAll(async () => {
    app = await startTestApp();
    user = await registerAndLogin(app.url, 'health');
    docs.assessmentId = (await user.client.post<{ id: string }>('/api/assessments', {})).body.id;
    const slot = (fileName: string) =>
      user.client.post<{ document: { id: string }; upload: { url: string; fields: Record<string, string> } }>(
        `/api/assessments/${docs.assessmentId}/documents`,
        { fileName, contentType: PDF, sizeBytes: pdfBytes().length },
      );
    const up = (await slot('kept.pdf')).body;
    await uploadViaPresignedPost(up.upload, pdfBytes(), PDF);
    expect(
      (await user.client.post(`/api/assessments/${docs.assessmentId}/documents/${up.document.id}/complete`))
        .status,
    ).toBe(200);
    docs.uploaded = up.document.id;
    docs.pending = (await slot('pending.pdf')).body.document.id;
    docs.storageCheckedAt = Date.now();
  });
  afterAll(async () => {
    await hole?.close();
    await restartedS3?.stop();
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when S3 is stopped, then 503 unhealthy naming s3 alone, within 2 s', async () => {
    await app.s3.stop();
    const { res, ms } = await health(app.url);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      status: 'unhealthy',
      timestamp: expect.any(String),
      version: app.config.version,
      services: { db: 'up', s3: 'down', cognito: 'up' },
    });
    expect(ms).toBeLessThan(2000);
  });

  it('when S3 is stopped, then completing is 503 (not "not uploaded") and deleting is 503 with the document kept', async () => {
    const base = `/api/assessments/${docs.assessmentId}/documents`;
    expectProblem(await user.client.post(`${base}/${docs.pending}/complete`), 503);
    expectProblem(await user.client.delete(`${base}/${docs.uploaded}`), 503);
    const rows = await app.deps.db.db
      .select({ id: documents.id, status: documents.status })
      .from(documents)
      .where(eq(documents.assessmentId, docs.assessmentId));
    expect(rows.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: docs.uploaded, status: 'uploaded' },
        { id: docs.pending, status: 'pending' },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('when S3 has been down past the 5 s reachability cache, then a new upload slot is 503, fast, and writes nothing', async () => {
    // The app trusts a successful S3 check for 5 s; the last one was the setup's last upload slot.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, docs.storageCheckedAt + 5_100 - Date.now())),
    );
    const before = await rowCount(app, documents);
    const started = Date.now();
    const upload = await user.client.post(`/api/assessments/${docs.assessmentId}/documents`, {
      fileName: 'a.pdf',
      contentType: PDF,
      sizeBytes: 10,
    });
    expectProblem(upload, 503);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await rowCount(app, documents)).toBe(before);
  });

  it('when S3 accepts connections but never answers, then health still answers 503 within 2 s', async () => {
    hole = await blackHole(portOf(app.s3.endpoint));
    const { res, ms } = await health(app.url);
    expect(res.status).toBe(503);
    expect(res.body.services).toEqual({ db: 'up', s3: 'down', cognito: 'up' });
    expect(ms).toBeLessThan(2000);
    await hole.close();
    hole = undefined;
  });

  it('when S3 comes back, then 200 healthy again', async () => {
    restartedS3 = await startS3({
      dataDir: path.join(dir, 's3'),
      bucket: app.s3.bucket,
      allowedOrigins: [app.url],
      port: portOf(app.s3.endpoint),
    });
    const { res } = await health(app.url);
    expect(res.status).toBe(200);
    expect(res.body.services).toEqual({ db: 'up', s3: 'up', cognito: 'up' });
  });

  it('when Cognito is stopped, then 503 naming cognito alone within 2 s, while existing sessions and tokens keep working and logins fail fast', async () => {
    const bearer = new ApiClient(app.url, { authorization: `Bearer ${user.accessToken}` });
    // Verify once so the signing keys are cached, as they are in a warm process.
    expect((await bearer.get('/api/auth/me')).status).toBe(200);
    await app.cognito.stop();
    const { res, ms } = await health(app.url);
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('unhealthy');
    expect(res.body.services).toEqual({ db: 'up', s3: 'up', cognito: 'down' });
    expect(ms).toBeLessThan(2000);

    expect((await user.client.get('/api/auth/me')).status).toBe(200);
    expect((await bearer.get('/api/auth/me')).status).toBe(200);
    const before = await snapshot(app);
    const started = Date.now();
    const login = await new ApiClient(app.url).post('/api/auth/login', {
      email: user.email,
      password: 'Whatever-123',
    });
    expectProblem(login, 503);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await snapshot(app)).toEqual(before);
  });

  it('when Cognito accepts connections but never answers, then health still answers 503 within 2 s', async () => {
    hole = await blackHole(portOf(app.cognito.endpoint));
    const { res, ms } = await health(app.url);
    expect(res.status).toBe(503);
    expect(res.body.services.cognito).toBe('down');
    expect(ms).toBeLessThan(2000);
  });
});
