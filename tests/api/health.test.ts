import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type S3StandIn, startS3 } from '../../container/stand-ins/s3';
import { startTestApp, type TestApp } from '../support/app';
import { ApiClient, registerAndLogin } from '../support/client';
import { snapshot } from './support/inspect';
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
  beforeAll(async () => {
    app = await startTestApp();
    user = await registerAndLogin(app.url, 'health');
  });
  afterAll(async () => {
    await hole?.close();
    await restartedS3?.stop();
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when S3 is stopped, then 503 unhealthy naming s3 alone, within 2 s, and uploads answer 503 without writing', async () => {
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

    const assessment = await user.client.post<{ id: string }>('/api/assessments', {});
    const before = await user.client.get<{ documents: unknown[] }>(`/api/assessments/${assessment.body.id}`);
    const started = Date.now();
    const upload = await user.client.post(`/api/assessments/${assessment.body.id}/documents`, {
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      sizeBytes: 10,
    });
    expectProblem(upload, 503);
    expect(Date.now() - started).toBeLessThan(5000);
    const after = await user.client.get<{ documents: unknown[] }>(`/api/assessments/${assessment.body.id}`);
    expect(after.body.documents).toEqual(before.body.documents);
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
