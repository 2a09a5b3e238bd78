import { startTestApp, type TestApp } from '../support/app';
import { allAnswers, PASSWORD, uploadViaPresignedPost } from '../support/client';
import { PDF, pdfBytes } from '../support/files';
import { ContractChecker, type Exchange, type OpenApiDocument } from './support/contract-checker';
import { RecordingClient } from './support/recording-client';

/**
 * The contract test: the whole journey, and the refusals a client meets on the way, checked against
 * the document the server publishes (/api/openapi.json) with a standard JSON Schema validator (Ajv).
 */
let app: TestApp;
let checker: ContractChecker;
const log: Exchange[] = [];
beforeAll(async () => {
  app = await startTestApp({ env: { MAX_DRAFTS_PER_USER: '2', AUTH_RATE_LIMIT: '6' } });
  const doc = await fetch(`${app.url}/api/openapi.json`).then((r) => r.json() as Promise<OpenApiDocument>);
  checker = new ContractChecker(doc);
});
afterAll(async () => {
  await app?.stop();
});

const findings = (exchanges: Exchange[]) => exchanges.flatMap((x) => checker.check(x));
const statuses = (exchanges: Exchange[]) => exchanges.map((x) => `${x.method} ${x.status}`);

describe('GET /api/openapi.json against real responses', () => {
  it('when a user goes through the whole journey, then every response (and every accepted request) matches the document', async () => {
    const client = new RecordingClient(app.url, log);
    const pdf = pdfBytes();
    const email = `contract-${Date.now()}@example.com`;
    await client.get('/api/health');
    await client.get('/api/questionnaire');
    await client.get('/api/openapi.json');
    await client.post('/api/auth/register', {
      email,
      password: PASSWORD,
      companyName: 'Contract Co',
      industry: 'Retail',
    });
    await client.post('/api/auth/resend-confirmation', { email });
    await client.post('/api/auth/login', { email, password: PASSWORD });
    await client.get('/api/auth/me');

    const created = await client.post<{ id: string; version: number }>('/api/assessments', {
      name: 'First look',
    });
    const id = created.body.id;
    await client.post('/api/assessments', {});
    await client.get('/api/assessments?limit=1');
    const page = await client.get<{ nextCursor: string }>('/api/assessments?limit=1');
    await client.get(`/api/assessments?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`);
    const got = await client.get(`/api/assessments/${id}`);
    const etag = got.headers.get('etag')!;
    const answers = allAnswers();
    const [firstId, ...rest] = Object.keys(answers);
    await client.put(
      `/api/assessments/${id}/responses`,
      { responses: { [firstId!]: answers[firstId!]! } },
      { 'if-match': etag },
    );
    await client.put(`/api/assessments/${id}/responses`, { responses: { [firstId!]: null } });
    await client.post(`/api/assessments/${id}/submit`);
    await client.request('PATCH', `/api/assessments/${id}`, { name: 'Renamed look' });

    const slot = await client.post<{
      document: { id: string };
      upload: { url: string; fields: Record<string, string> };
    }>(`/api/assessments/${id}/documents`, {
      fileName: 'board-pack.pdf',
      contentType: PDF,
      sizeBytes: pdf.length,
    });
    const docId = slot.body.document.id;
    await client.post(`/api/assessments/${id}/documents/${docId}/complete`);
    expect(await uploadViaPresignedPost(slot.body.upload, pdf, PDF)).toBeLessThan(300);
    await client.post(`/api/assessments/${id}/documents/${docId}/complete`);
    await client.get(`/api/assessments/${id}/documents/${docId}/download`);
    const spare = await client.post<{ document: { id: string } }>(`/api/assessments/${id}/documents`, {
      fileName: 'notes.pdf',
      contentType: PDF,
      sizeBytes: 10,
    });
    await client.delete(`/api/assessments/${id}/documents/${spare.body.document.id}`);

    await client.get(`/api/assessments/${id}/results`);
    await client.put(`/api/assessments/${id}/responses`, {
      responses: Object.fromEntries([firstId!, ...rest].map((q) => [q, answers[q]!])),
    });
    await client.post(`/api/assessments/${id}/submit`);
    await client.get(`/api/assessments/${id}/results`);
    await client.get(`/api/assessments/${id}`);
    await client.delete(`/api/assessments/${id}`);
    await client.get('/api/account/export');
    const newPassword = `${PASSWORD}-2`;
    await client.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword });
    await client.post('/api/auth/logout');
    await client.get('/api/auth/me');
    await client.post('/api/auth/forgot-password', { email });
    await client.post('/api/auth/login', { email, password: newPassword });
    await client.request('DELETE', '/api/account', { password: newPassword });

    expect(statuses(log)).toEqual(expect.arrayContaining(['POST 201', 'PUT 200', 'DELETE 204', 'PATCH 200']));
    expect(findings(log)).toEqual([]);
    expect(log.length).toBeGreaterThanOrEqual(35);
  });

  it('when a client is refused (bad input, stale version, missing answers, caps, origin, type, size, rate), then each refusal is documented and its problem matches', async () => {
    const refused: Exchange[] = [];
    const client = new RecordingClient(app.url, refused);
    const email = `refused-${Date.now()}@example.com`;
    await client.post('/api/auth/register', {
      email,
      password: PASSWORD,
      companyName: 'Refused Co',
      industry: 'Retail',
    });
    await client.post('/api/auth/register', {
      email,
      password: PASSWORD,
      companyName: 'Again',
      industry: 'Retail',
    });
    await client.post('/api/auth/login', { email, password: PASSWORD });
    await client.post('/api/auth/confirm', { email, code: 'abc' });
    const { body } = await client.post<{ id: string }>('/api/assessments', { name: '' });
    const id = (await client.post<{ id: string }>('/api/assessments', {})).body.id;
    await client.post('/api/assessments', {});
    await client.post('/api/assessments', {});
    await client.put(
      `/api/assessments/${id}/responses`,
      { responses: { [Object.keys(allAnswers())[0]!]: 1 } },
      { 'if-match': '"99"' },
    );
    await client.put(`/api/assessments/${id}/responses`, { responses: {} }, { 'if-match': 'nonsense' });
    await client.post(`/api/assessments/${id}/submit`);
    await client.get(`/api/assessments/${id}/results`);
    await client.get('/api/assessments/not-a-uuid');
    await client.get(`/api/assessments/${crypto.randomUUID()}`);
    await client.get('/api/assessments?limit=0');
    await client.get('/api/assessments?cursor=forged');
    await client.request('POST', '/api/assessments', 'name=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    await client.put(`/api/assessments/${id}/responses`, { responses: { x: 'y'.repeat(101 * 1024) } });
    await client.post('/api/assessments', {}, { origin: 'https://evil.example' });
    await client.post(`/api/assessments/${id}/documents`, {
      fileName: 'a.exe',
      contentType: 'application/x-msdownload',
      sizeBytes: 1,
    });
    await client.post(`/api/assessments/${id}/documents/${crypto.randomUUID()}/complete`);
    await client.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    await client.request('DELETE', '/api/account', { password: 'Wrong-Password-1' });
    await client.get('/api/nowhere');
    const anonymous = new RecordingClient(app.url, refused);
    await anonymous.get('/api/account/export');
    for (let i = 0; i < 7; i++)
      await anonymous.post('/api/auth/login', { email, password: `Wrong-${i}-Password` });

    expect(body).toHaveProperty('status', 400);
    const seen = new Set(refused.map((x) => x.status));
    for (const status of [400, 401, 403, 404, 409, 413, 415, 422, 429]) expect(seen).toContain(status);
    expect(findings(refused)).toEqual([]);
  });
});
