import { startTestApp } from '../support/app';
import { allAnswers, PASSWORD, registerAndLogin } from '../support/client';
import { type Context, catalogue, type User } from './account-hostile-cases';
import { runCatalogue } from './hostile/harness';
import { decodePayload } from './support';

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

describe('Hostile inputs to the account lifecycle and assessment management', () => {
  runCatalogue(() => ctx, catalogue);

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
