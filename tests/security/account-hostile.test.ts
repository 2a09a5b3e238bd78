import { startTestApp } from '../support/app';
import { allAnswers, PASSWORD, registerAndLogin } from '../support/client';
import { type Context, catalogue, type Send, type User } from './account-hostile-cases';
import { decodePayload, leaks, snapshot } from './support';

/**
 * Hostile inputs for the account-lifecycle and assessment-management endpoints (issue 14): each
 * must get its specific 4xx as problem+json, give nothing away and change nothing in the database.
 */

let ctx: Context;

beforeAll(async () => {
  const app = await startTestApp();
  const [a, b] = await Promise.all([registerAndLogin(app.url, 'alice'), registerAndLogin(app.url, 'bob')]);
  const create = async (u: User) => (await u.client.post<{ id: string }>('/api/assessments', {})).body.id;
  const submit = async (u: User, id: string) => {
    await u.client.put(`/api/assessments/${id}/responses`, { responses: allAnswers() });
    const res = await u.client.post(`/api/assessments/${id}/submit`);
    if (res.status !== 200) throw new Error(`setup: submit got ${res.status}`);
  };
  const [aDraft, aSubmitted, bDraft, bSubmitted] = await Promise.all([
    create(a),
    create(a),
    create(b),
    create(b),
  ]);
  await Promise.all([submit(a, aSubmitted), submit(b, bSubmitted)]);
  ctx = {
    app,
    a,
    cookie: [...a.client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    aDraft,
    aSubmitted,
    bDraft,
    bSubmitted,
    accessClaims: decodePayload(a.accessToken),
  };
}, 60_000);

afterAll(async () => {
  await ctx?.app.stop();
});

async function send(req: Send) {
  const headers: Record<string, string> = { ...req.headers };
  const body =
    req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
  const type =
    req.contentType === undefined ? (body === undefined ? null : 'application/json') : req.contentType;
  if (type) headers['content-type'] = type;
  const cookie = req.cookie === undefined ? ctx.cookie : req.cookie;
  if (cookie) headers.cookie = cookie;
  const res = await fetch(ctx.app.url + req.path, { method: req.method, headers, body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('Hostile inputs to the account lifecycle and assessment management', () => {
  for (const [subject, cases] of Object.entries(catalogue)) {
    describe(subject, () => {
      for (const c of cases) {
        it(`when ${c.when}, then ${c.status} and the database is unchanged`, async () => {
          const before = await snapshot(ctx.app.deps.db.db);
          const res = await send(c.request(ctx));
          const body = res.text.slice(0, 300);
          expect({ status: res.status, body }).toEqual({ status: c.status, body });
          expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          const problem = JSON.parse(res.text) as { status: number; correlationId: string };
          expect(problem.status).toBe(c.status);
          expect(problem.correlationId).toBe(res.headers.get('x-correlation-id'));
          for (const [what, pattern] of leaks) {
            expect({ what, found: pattern.exec(res.text)?.[0] }).toEqual({ what, found: undefined });
          }
          expect(await snapshot(ctx.app.deps.db.db)).toEqual(before);
        });
      }
    });
  }

  it('when every hostile request has been refused, then A can still sign in and both of her assessments remain', async () => {
    const res = await fetch(`${ctx.app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ctx.a.email, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const list = await ctx.a.client.get<{ items: { id: string }[] }>('/api/assessments');
    expect(list.body.items.map((i) => i.id).sort()).toEqual([ctx.aDraft, ctx.aSubmitted].sort());
  });
});
