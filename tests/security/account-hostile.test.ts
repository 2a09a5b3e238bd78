import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/app';
import { allAnswers, PASSWORD, registerAndLogin } from '../support/client';
import { decodePayload, leaks, signHs256, snapshot, unsigned } from './support';

/**
 * Hostile inputs for the account-lifecycle and assessment-management endpoints (issue 14): each
 * must get its specific 4xx as problem+json, give nothing away and change nothing in the database.
 */

type User = Awaited<ReturnType<typeof registerAndLogin>>;

interface Context {
  app: TestApp;
  a: User;
  cookie: string;
  aDraft: string;
  aSubmitted: string;
  bDraft: string;
  bSubmitted: string;
  accessClaims: Record<string, unknown>;
}

interface Send {
  method: string;
  path: string;
  body?: unknown;
  contentType?: string | null;
  /** Defaults to A's session cookie; null sends none. */
  cookie?: string | null;
  headers?: Record<string, string>;
}

interface Case {
  when: string;
  status: number;
  request: (ctx: Context) => Send;
}

const rename =
  (body: unknown, id: (c: Context) => string = (c) => c.aDraft) =>
  (c: Context): Send => ({ method: 'PATCH', path: `/api/assessments/${id(c)}`, body });
const anon = (path: string, body: unknown) => (): Send => ({ method: 'POST', path, body, cookie: null });
const deleteAccount =
  (body: unknown, extra: Partial<Send> = {}) =>
  (): Send => ({ method: 'DELETE', path: '/api/account', body, ...extra });
const changePassword =
  (body: unknown, extra: Partial<Send> = {}) =>
  (): Send => ({ method: 'POST', path: '/api/auth/change-password', body, ...extra });
const email = 'someone@example.com';

const catalogue: Record<string, Case[]> = {
  'rename (PATCH /api/assessments/:id)': [
    { when: 'the name holds a NUL byte', status: 400, request: rename({ name: 'board\u0000pack' }) },
    {
      when: 'the name holds a C1 control character',
      status: 400,
      request: rename({ name: 'q3\u0085review' }),
    },
    {
      when: 'the name holds a lone UTF-16 surrogate',
      status: 400,
      request: (c) => ({ ...rename({})(c), body: '{"name":"broken\\ud800"}' }),
    },
    { when: 'the name is 100,000 characters', status: 400, request: rename({ name: 'x'.repeat(100_000) }) },
    { when: 'the name is an object', status: 400, request: rename({ name: { $ne: '' } }) },
    { when: 'the name is an array', status: 400, request: rename({ name: ['a', 'b'] }) },
    {
      when: 'the body smuggles a __proto__ key',
      status: 400,
      request: (c) => ({ ...rename({})(c), body: '{"name":"ok","__proto__":{"admin":true}}' }),
    },
    {
      when: 'the body tries to change other columns',
      status: 400,
      request: rename({ name: 'ok', status: 'draft', userId: randomUUID() }),
    },
    {
      when: "the assessment is another user's",
      status: 404,
      request: rename({ name: 'mine now' }, (c) => c.bDraft),
    },
    { when: 'the id is SQL', status: 404, request: rename({ name: 'x' }, () => "1' OR '1'='1") },
    {
      when: 'the body is sent as text/plain',
      status: 415,
      request: (c) => ({ ...rename({ name: 'x' })(c), contentType: 'text/plain' }),
    },
    {
      when: 'a cookie-authenticated rename comes from a foreign origin',
      status: 403,
      request: (c) => ({ ...rename({ name: 'x' })(c), headers: { origin: 'https://evil.example' } }),
    },
  ],
  'delete (DELETE /api/assessments/:id)': [
    {
      when: "the draft is another user's",
      status: 404,
      request: (c) => ({ method: 'DELETE', path: `/api/assessments/${c.bDraft}` }),
    },
    {
      when: 'the assessment is submitted',
      status: 409,
      request: (c) => ({ method: 'DELETE', path: `/api/assessments/${c.aSubmitted}` }),
    },
    {
      when: 'the id is a path traversal',
      status: 404,
      request: () => ({ method: 'DELETE', path: '/api/assessments/..%2F..%2Fusers' }),
    },
    {
      when: 'a cookie-authenticated delete comes from a foreign origin',
      status: 403,
      request: (c) => ({
        method: 'DELETE',
        path: `/api/assessments/${c.aDraft}`,
        headers: { origin: 'https://evil.example' },
      }),
    },
    {
      when: 'there is no session',
      status: 401,
      request: (c) => ({ method: 'DELETE', path: `/api/assessments/${c.aDraft}`, cookie: null }),
    },
  ],
  'results (GET /api/assessments/:id/results)': [
    {
      when: "the results are another user's",
      status: 404,
      request: (c) => ({ method: 'GET', path: `/api/assessments/${c.bSubmitted}/results` }),
    },
    {
      when: 'the assessment is a draft',
      status: 409,
      request: (c) => ({ method: 'GET', path: `/api/assessments/${c.aDraft}/results` }),
    },
    {
      when: 'the id is SQL',
      status: 404,
      request: () => ({
        method: 'GET',
        path: `/api/assessments/${encodeURIComponent("' OR 1=1--")}/results`,
      }),
    },
  ],
  'account (export and delete)': [
    {
      when: 'the confirmation password is wrong',
      status: 400,
      request: deleteAccount({ password: 'Wrong-Pass-123' }),
    },
    { when: 'the password is an array', status: 400, request: deleteAccount({ password: [PASSWORD] }) },
    {
      when: 'the password is 10,000 characters',
      status: 400,
      request: deleteAccount({ password: 'P'.repeat(10_000) }),
    },
    {
      when: 'the body names another user to delete',
      status: 400,
      request: deleteAccount({ password: PASSWORD, userId: randomUUID() }),
    },
    {
      when: 'there is no session',
      status: 401,
      request: deleteAccount({ password: PASSWORD }, { cookie: null }),
    },
    {
      when: 'a cookie-authenticated delete comes from a foreign origin',
      status: 403,
      request: deleteAccount({ password: PASSWORD }, { headers: { origin: 'https://evil.example' } }),
    },
    {
      when: 'the body is form-encoded',
      status: 415,
      request: deleteAccount(`password=${PASSWORD}`, { contentType: 'application/x-www-form-urlencoded' }),
    },
    {
      when: 'the export is asked for with an unsigned (alg none) token',
      status: 401,
      request: (c) => ({
        method: 'GET',
        path: '/api/account/export',
        cookie: null,
        headers: { authorization: `Bearer ${unsigned(c.accessClaims)}` },
      }),
    },
    {
      when: 'the account is deleted with an HS256 token signed with a guessed secret',
      status: 401,
      request: (c) => ({
        ...deleteAccount({ password: PASSWORD })(),
        cookie: null,
        headers: { authorization: `Bearer ${signHs256(c.accessClaims, 'secret')}` },
      }),
    },
  ],
  'passwords and codes': [
    {
      when: 'forgot-password gets a CRLF-injected e-mail',
      status: 400,
      request: anon('/api/auth/forgot-password', { email: `${email}\r\nBcc: all@example.com` }),
    },
    {
      when: 'forgot-password gets an e-mail array',
      status: 400,
      request: anon('/api/auth/forgot-password', { email: [email, 'b@example.com'] }),
    },
    {
      when: 'resend-confirmation gets a NUL in the e-mail',
      status: 400,
      request: anon('/api/auth/resend-confirmation', { email: `a\u0000@example.com` }),
    },
    {
      when: 'resend-confirmation gets an extra field',
      status: 400,
      request: anon('/api/auth/resend-confirmation', { email, admin: true }),
    },
    {
      when: 'reset-password gets a SQL code',
      status: 400,
      request: anon('/api/auth/reset-password', {
        email,
        code: "' OR '1'='1",
        password: 'Brand-New-Secret-7',
      }),
    },
    {
      when: 'reset-password gets a 7-digit code',
      status: 400,
      request: anon('/api/auth/reset-password', { email, code: '1234567', password: 'Brand-New-Secret-7' }),
    },
    {
      when: 'reset-password gets a code as a number',
      status: 400,
      request: anon('/api/auth/reset-password', { email, code: 123456, password: 'Brand-New-Secret-7' }),
    },
    {
      when: 'reset-password gets a 100,000-character password',
      status: 400,
      request: anon('/api/auth/reset-password', {
        email,
        code: '123456',
        password: `Aa1${'x'.repeat(100_000)}`,
      }),
    },
    {
      when: 'reset-password gets a wrong code for an unknown account',
      status: 400,
      request: anon('/api/auth/reset-password', { email, code: '123456', password: 'Brand-New-Secret-7' }),
    },
    {
      when: 'change-password has no current password',
      status: 400,
      request: changePassword({ newPassword: 'Brand-New-Secret-7' }),
    },
    {
      when: 'change-password gets a wrong current password',
      status: 400,
      request: changePassword({ currentPassword: 'Wrong-Pass-123', newPassword: 'Brand-New-Secret-7' }),
    },
    {
      when: 'change-password gets a weak new password',
      status: 400,
      request: changePassword({ currentPassword: PASSWORD, newPassword: 'password' }),
    },
    {
      when: 'change-password has no session',
      status: 401,
      request: changePassword(
        { currentPassword: PASSWORD, newPassword: 'Brand-New-Secret-7' },
        { cookie: null },
      ),
    },
    {
      when: 'a cookie-authenticated change-password comes from a foreign origin',
      status: 403,
      request: changePassword(
        { currentPassword: PASSWORD, newPassword: 'Brand-New-Secret-7' },
        { headers: { origin: 'https://evil.example' } },
      ),
    },
  ],
};

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
