import { randomBytes } from 'node:crypto';
import { ApiClient, PASSWORD } from '../support/client';
import { PDF } from '../support/files';
import { hostileCatalogue } from './hostile/all';
import { bearer, type Context, textQ } from './hostile/catalogue';
import { runCatalogue, send, setupContext } from './hostile/harness';
import { cognitoLocalKey, signRs256, snapshot } from './support';

/**
 * The hostile-input catalogue: each case is a request an attacker (or a broken client) might send.
 * Every one must get its specific 4xx as problem+json, give nothing away, and change nothing in the
 * database. The cases live in data tables by area under ./hostile/.
 */
const catalogue = hostileCatalogue;

let ctx: Context;

beforeAll(async () => {
  ctx = await setupContext();
}, 60_000);

afterAll(async () => {
  await ctx?.app.stop();
});

describe('The hostile-input catalogue', () => {
  it('has at least 60 cases', () => {
    expect(Object.values(catalogue).flat().length).toBeGreaterThanOrEqual(60);
  });

  it('when a token is re-signed unchanged with the stand-in key, then it is accepted (so the JWT cases test what they claim)', async () => {
    const token = signRs256(ctx.accessClaims, cognitoLocalKey());
    expect((await send(ctx, bearer(() => token)(ctx))).status).toBe(200);
  });

  runCatalogue(() => ctx, catalogue);
});

describe('Hostile text where text is allowed', () => {
  const script = '<script>alert(document.cookie)</script>';
  const sqlish = "Robert'); DROP TABLE users;--";

  it('when a company name and industry are SQL and script strings, then they are stored and returned inertly, as JSON', async () => {
    const client = new ApiClient(ctx.app.url);
    const email = `inert-${randomBytes(4).toString('hex')}@example.com`;
    const reg = await client.post('/api/auth/register', {
      email,
      password: PASSWORD,
      companyName: sqlish,
      industry: `"><img src=x onerror=alert(1)> ${script}`,
    });
    expect(reg.status).toBe(201);
    expect((await client.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
    const me = await client.get<{ companyName: string; industry: string }>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('content-type')).toMatch(/^application\/json/);
    expect(me.headers.get('x-content-type-options')).toBe('nosniff');
    expect(me.body).toMatchObject({
      companyName: sqlish,
      industry: `"><img src=x onerror=alert(1)> ${script}`,
    });
    const users = await snapshot(ctx.app.deps.db.db);
    expect(users?.users).toBeGreaterThanOrEqual(3);
  });

  it('when a text answer and a file name hold SQL and script strings, then they round-trip unchanged', async () => {
    const id = (await ctx.a.client.post<{ id: string }>('/api/assessments', {})).body.id;
    const text = `${sqlish} ${script} \u2028 ${'💥'.repeat(3)}`;
    const saved = await ctx.a.client.put(`/api/assessments/${id}/responses`, {
      responses: { [textQ]: text },
    });
    expect(saved.status).toBe(200);
    const fileName = "Q3 'budget'; DROP TABLE documents;-- <b>.pdf";
    const slotRes = await ctx.a.client.post(`/api/assessments/${id}/documents`, {
      fileName,
      contentType: PDF,
      sizeBytes: 10,
    });
    expect(slotRes.status).toBe(201);
    const detail = await ctx.a.client.get<{
      responses: Record<string, unknown>;
      documents: { fileName: string }[];
    }>(`/api/assessments/${id}`);
    expect(detail.body.responses[textQ]).toBe(text);
    expect(detail.body.documents.map((d) => d.fileName)).toEqual([fileName]);
  });
});
