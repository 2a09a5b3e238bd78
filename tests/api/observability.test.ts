import { createLogger } from '../../functions/api/platform/observability/logger';
import { createMetrics } from '../../functions/api/platform/observability/metrics';
import { REDACTED, redactingReplacer } from '../../functions/api/platform/observability/redact';
import { startTestApp, type TestApp } from '../support/app';
import { captureStdout } from '../support/capture';
import { ApiClient, allAnswers, PASSWORD, registerAndLogin, uploadViaPresignedPost } from '../support/client';
import { PDF, pdfBytes } from '../support/files';

let app: TestApp;
const capture = captureStdout();

beforeAll(async () => {
  app = await startTestApp({
    deps: {
      logger: createLogger({ serviceName: 'scalemap-api', logLevel: 'DEBUG' }),
      metrics: createMetrics({ serviceName: 'scalemap-api', enabled: true }),
    },
  });
});
afterAll(async () => {
  capture.restore();
  await app?.stop();
});
beforeEach(() => capture.clear());

describe('Structured logs', () => {
  it('when a request carries an x-correlation-id, then every log line is JSON with the standard keys and that id', async () => {
    const id = 'test-correlation-0001';
    const res = await fetch(`${app.url}/api/questionnaire`, { headers: { 'x-correlation-id': id } });
    expect(res.headers.get('x-correlation-id')).toBe(id);
    const lines = capture.lines().filter((l) => !('_aws' in l)); // EMF metric blobs share stdout
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toEqual(
        expect.objectContaining({
          timestamp: expect.any(String),
          level: expect.any(String),
          message: expect.any(String),
          service: 'scalemap-api',
          correlationId: id,
        }),
      );
    }
    const access = lines.find((l) => l.message === 'request');
    expect(access).toEqual(
      expect.objectContaining({
        method: 'GET',
        route: 'GET /api/questionnaire',
        status: 200,
        durationMs: expect.any(Number),
      }),
    );
  });

  it('when the path holds ids, then the access log names the route template, not the raw path', async () => {
    const { client } = await registerAndLogin(app.url, 'route');
    const created = await client.post<{ id: string }>('/api/assessments', {});
    capture.clear();
    await client.get(`/api/assessments/${created.body.id}`);
    const access = capture.lines().find((l) => l.message === 'request');
    expect(access?.route).toBe('GET /api/assessments/:id');
    expect(access?.userId).toEqual(expect.any(String));
    expect(JSON.stringify(access)).not.toContain(created.body.id);
  });

  it('when 50 requests run at once, then no log line carries another request’s correlation id', async () => {
    const { client } = await registerAndLogin(app.url, 'concurrent');
    capture.clear();
    const ids = Array.from({ length: 50 }, (_, i) => `concurrent-req-${String(i).padStart(4, '0')}`);
    const responses = await Promise.all(
      ids.map((id) => client.get('/api/assessments', { 'x-correlation-id': id })),
    );
    for (const [i, r] of responses.entries()) expect(r.headers.get('x-correlation-id')).toBe(ids[i]);
    const access = capture.lines().filter((l) => l.message === 'request');
    expect(access).toHaveLength(50);
    expect(new Set(access.map((l) => l.correlationId))).toEqual(new Set(ids));
  });
});

describe('Redaction', () => {
  it('when passwords, tokens, cookies and presigned URLs flow through the app, then none appears in the logs', async () => {
    const client = new ApiClient(app.url);
    const email = `redact-${Date.now()}@example.com`;
    await client.post('/api/auth/register', { email, password: PASSWORD, companyName: 'R', industry: 'R' });
    await client.post('/api/auth/login', { email, password: 'Wrong-Password-99' });
    const login = await client.post<{ accessToken: string; idToken: string }>('/api/auth/login', {
      email,
      password: PASSWORD,
    });
    const session = [...client.cookies.values()][0]!;
    const bearer = new ApiClient(app.url, { authorization: `Bearer ${login.body.accessToken}` });
    const created = await bearer.post<{ id: string }>('/api/assessments', {});
    await bearer.put(`/api/assessments/${created.body.id}/responses`, { responses: allAnswers() });
    const slot = await bearer.post<{
      document: { id: string };
      upload: { url: string; fields: Record<string, string> };
    }>(`/api/assessments/${created.body.id}/documents`, {
      fileName: 'a.pdf',
      contentType: PDF,
      sizeBytes: pdfBytes().length,
    });
    await uploadViaPresignedPost(slot.body.upload, pdfBytes(), PDF);
    await bearer.post(`/api/assessments/${created.body.id}/documents/${slot.body.document.id}/complete`);
    const download = await bearer.get<{ url: string }>(
      `/api/assessments/${created.body.id}/documents/${slot.body.document.id}/download`,
    );
    // A tampered token takes the error path too.
    await client.get('/api/auth/me', { authorization: `Bearer ${login.body.accessToken.slice(0, -4)}AAAA` });

    const out = capture.text();
    expect(out.length).toBeGreaterThan(0);
    const signature = new URL(download.body.url).searchParams.get('X-Amz-Signature')!;
    for (const secret of [
      PASSWORD,
      'Wrong-Password-99',
      login.body.accessToken,
      login.body.idToken,
      session,
      signature,
    ]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(out).not.toContain(secret);
    }
    expect(out).not.toContain(slot.body.upload.fields.Policy!);
  });

  it('when a logged object carries secrets by name or by shape, then the replacer masks them', () => {
    const line = JSON.stringify(
      {
        headers: { authorization: 'Bearer abc.def.ghi', cookie: 'scalemap_session=xyz' },
        password: 'hunter2hunter2',
        note: 'url https://b.s3.amazonaws.com/k?X-Amz-Signature=deadbeef&X-Amz-Credential=AKIA',
        jwt: 'x eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJl y',
        count: 3,
      },
      redactingReplacer,
    );
    expect(line).not.toMatch(/abc\.def|hunter2|deadbeef|AKIA|eyJzdWIi|xyz/);
    expect(line).toContain(REDACTED);
    expect(JSON.parse(line).count).toBe(3);
  });
});

describe('Metrics', () => {
  it('when an assessment is submitted and metrics flush, then an EMF blob records AssessmentSubmitted', async () => {
    const { client } = await registerAndLogin(app.url, 'metrics');
    const created = await client.post<{ id: string }>('/api/assessments', {});
    await client.put(`/api/assessments/${created.body.id}/responses`, { responses: allAnswers() });
    capture.clear();
    expect((await client.post(`/api/assessments/${created.body.id}/submit`)).status).toBe(200);
    app.deps.metrics.flush();
    const blobs = capture.lines().filter((l) => '_aws' in l);
    const submitted = blobs.find((b) => 'AssessmentSubmitted' in b);
    expect(submitted).toBeDefined();
    expect(submitted!.AssessmentSubmitted).toBe(1);
    const directives = (
      submitted!._aws as {
        CloudWatchMetrics: { Namespace: string; Metrics: { Name: string; Unit: string }[] }[];
      }
    ).CloudWatchMetrics[0]!;
    expect(directives.Namespace).toBe('ScaleMap');
    expect(directives.Metrics).toContainEqual({ Name: 'AssessmentSubmitted', Unit: 'Count' });
    const latency = blobs.find((b) => 'ApiLatency' in b && b.route === 'POST /api/assessments/:id/submit');
    expect(latency).toBeDefined();
  });
});
