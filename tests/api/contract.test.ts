import { createApp } from '../../functions/api/app';
import type { Storage } from '../../functions/api/platform/storage/storage';
import { startTestApp, type TestApp } from '../support/app';
import { ApiClient, registerAndLogin } from '../support/client';
import { expectProblem } from './support/problem';
import { concretePath, openApiPath, type RouteEntry, routeTable } from './support/route-table';

/** Routes anyone may call. Everything else in the route table must demand credentials (fail closed). */
const PUBLIC_ROUTES = new Set([
  'POST /api/auth/register',
  'POST /api/auth/confirm',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/resend-confirmation',
  'POST /api/auth/forgot-password',
  'POST /api/auth/reset-password',
  'GET /api/questionnaire',
  'GET /api/health',
  'GET /api/openapi.json',
]);

let app: TestApp;
let routes: RouteEntry[];
let user: Awaited<ReturnType<typeof registerAndLogin>>;
beforeAll(async () => {
  app = await startTestApp();
  routes = routeTable(createApp(app.deps));
  user = await registerAndLogin(app.url, 'contract');
});
afterAll(async () => {
  await app?.stop();
});

const key = (r: RouteEntry) => `${r.method} ${r.path}`;

describe('The route table', () => {
  it('when walked, then it finds every route family, public and protected', () => {
    const keys = routes.map(key);
    for (const pub of PUBLIC_ROUTES) expect(keys).toContain(pub);
    const protectedRoutes = routes.filter((r) => !PUBLIC_ROUTES.has(key(r)));
    expect(protectedRoutes.length).toBeGreaterThanOrEqual(10);
    expect(protectedRoutes.map(key).sort()).toEqual(
      expect.arrayContaining([
        'GET /api/auth/me',
        'POST /api/assessments',
        'GET /api/assessments',
        'GET /api/assessments/:id',
        'PUT /api/assessments/:id/responses',
        'POST /api/assessments/:id/submit',
        'POST /api/assessments/:id/documents',
        'POST /api/assessments/:id/documents/:docId/complete',
        'GET /api/assessments/:id/documents/:docId/download',
        'DELETE /api/assessments/:id/documents/:docId',
      ]),
    );
  });
});

describe('Every protected route', () => {
  it('when called without credentials, then 401 problem+json', async () => {
    const anonymous = new ApiClient(app.url);
    const protectedRoutes = routes.filter((r) => !PUBLIC_ROUTES.has(key(r)));
    for (const route of protectedRoutes) {
      const res = await anonymous.request(route.method, concretePath(route.path));
      expect({ route: key(route), status: res.status }).toEqual({ route: key(route), status: 401 });
      expectProblem(res, 401);
    }
  });

  it('when called with a session cookie that does not exist, then 401', async () => {
    const stranger = new ApiClient(app.url);
    stranger.cookies.set('scalemap_session', 'x'.repeat(43));
    for (const route of routes.filter((r) => !PUBLIC_ROUTES.has(key(r)))) {
      const res = await stranger.request(route.method, concretePath(route.path));
      expect({ route: key(route), status: res.status }).toEqual({ route: key(route), status: 401 });
    }
  });

  it('when called with a valid Bearer access token and no cookie, then it is accepted', async () => {
    const bearer = new ApiClient(app.url, { authorization: `Bearer ${user.accessToken}` });
    const me = await bearer.get<{ email: string }>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(user.email);
    const created = await bearer.post<{ id: string }>('/api/assessments', {});
    expect(created.status).toBe(201);
    expect((await bearer.get(`/api/assessments/${created.body.id}`)).status).toBe(200);
  });
});

describe('GET /api/openapi.json', () => {
  it('when fetched, then it is OpenAPI 3.1 and documents every route in the route table, and no others', async () => {
    const res = await new ApiClient(app.url).get<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    }>('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body.openapi).toBe('3.1.0');
    const documented = Object.entries(res.body.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const served = routes.map((r) => `${r.method} ${openApiPath(r.path)}`);
    expect(documented.sort()).toEqual(
      expect.arrayContaining(served.filter((r) => r !== 'GET /api/openapi.json')),
    );
    expect(served.sort()).toEqual(expect.arrayContaining(documented));
  });
});

describe('Problem responses', () => {
  it('when a route does not exist under /api, then 404 problem+json, never HTML', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['POST', '/api/assessments/not-a-uuid/frobnicate'],
      ['DELETE', '/api/questionnaire'],
    ] as const) {
      const res = await user.client.request(method, path);
      const body = expectProblem(res, 404);
      expect(body.title).toBe('Not Found');
      expect(String(res.body)).not.toMatch(/<html|<!DOCTYPE/i);
    }
  });

  it('when an unknown /api route is called without credentials, then it is a 404 problem too', async () => {
    const anonymous = new ApiClient(app.url);
    for (const path of ['/api/definitely/not/here', '/api/questionnaires', '/api/auth/whoami']) {
      expectProblem(await anonymous.get(path), 404);
    }
  });

  it('when the body is malformed JSON, then 400 problem+json and nothing leaks', async () => {
    const res = await user.client.request('POST', '/api/assessments', '{"oops":', {
      'content-type': 'application/json',
    });
    const body = expectProblem(res, 400);
    expect(JSON.stringify(body)).not.toMatch(/SyntaxError|at JSON\.parse|node_modules/);
  });

  it('when the body cannot be decoded (bad content-encoding), then 400 or 415 problem+json, never 500', async () => {
    const json = '{"email":"a@example.com","password":"x"}';
    for (const [encoding, status] of [
      ['br', 400],
      ['gzip', 400],
      ['x-unknown', 415],
    ] as const) {
      const res = await new ApiClient(app.url).request('POST', '/api/auth/login', json, {
        'content-type': 'application/json',
        'content-encoding': encoding,
      });
      expectProblem(res, status);
    }
  });

  it('when the body is larger than 100 kB, then 413 problem+json', async () => {
    const res = await user.client.put(`/api/assessments/${concretePath(':id')}/responses`, {
      responses: { 'strategy-vision-clarity': 'x'.repeat(101 * 1024) },
    });
    expectProblem(res, 413);
  });

  it('when the body is not JSON, then 415 problem+json', async () => {
    const res = await user.client.request('POST', '/api/auth/login', 'email=a@b.c&password=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expectProblem(res, 415);
    const text = await user.client.request('POST', '/api/assessments', '{}', {
      'content-type': 'text/plain',
    });
    expectProblem(text, 415);
  });

  it('when the body fails validation, then 400 lists each bad field in errors[]', async () => {
    const res = await new ApiClient(app.url).post('/api/auth/register', {
      email: 'not-an-email',
      password: 'short',
      companyName: '',
      industry: 'Software',
      extra: true,
    });
    const body = expectProblem(res, 400);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'email', message: expect.any(String) }),
        expect.objectContaining({ path: 'password', message: expect.any(String) }),
        expect.objectContaining({ path: 'companyName', message: expect.any(String) }),
      ]),
    );
    for (const e of body.errors!) expect(Object.keys(e).sort()).toEqual(['message', 'path']);
  });
});

describe('x-correlation-id', () => {
  it('when any response is sent (success, error, preflight), then it carries a correlation id', async () => {
    const anonymous = new ApiClient(app.url);
    const responses = [
      await anonymous.get('/api/health'),
      await anonymous.get('/api/questionnaire'),
      await anonymous.get('/api/openapi.json'),
      await anonymous.get('/api/assessments'),
      await user.client.get('/api/assessments'),
      await user.client.get('/api/nope'),
      await anonymous.request('OPTIONS', '/api/assessments', undefined, {
        origin: app.url,
        'access-control-request-method': 'POST',
      }),
      await anonymous.get('/not-the-api'),
    ];
    for (const res of responses)
      expect(res.headers.get('x-correlation-id')).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
    const ids = new Set(responses.map((r) => r.headers.get('x-correlation-id')));
    expect(ids.size).toBe(responses.length);
  });

  it('when a valid id arrives, then it is echoed, in the header and in a problem body', async () => {
    const id = 'client-trace-0123456789';
    const ok = await user.client.get('/api/assessments', { 'x-correlation-id': id });
    expect(ok.headers.get('x-correlation-id')).toBe(id);
    const problem = await user.client.get('/api/nope', { 'x-correlation-id': id });
    expect(expectProblem(problem, 404).correlationId).toBe(id);
  });

  it('when an invalid id arrives, then it is replaced by a fresh one', async () => {
    for (const bad of ['short', 'has spaces in it', '<script>alert(1)</script>', 'x'.repeat(200)]) {
      const res = await user.client.get('/api/assessments', { 'x-correlation-id': bad });
      const echoed = res.headers.get('x-correlation-id');
      expect(echoed).not.toBe(bad);
      expect(echoed).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
    }
  });
});

describe('Origin check on cookie-authenticated unsafe requests', () => {
  it('when the Origin is foreign, then 403 and nothing is created', async () => {
    const before = await user.client.get<{ items: unknown[] }>('/api/assessments');
    const res = await user.client.post('/api/assessments', {}, { origin: 'https://evil.example' });
    expectProblem(res, 403);
    const after = await user.client.get<{ items: unknown[] }>('/api/assessments');
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('when the Origin is the allowed one, then the request goes through', async () => {
    const res = await user.client.post('/api/assessments', {}, { origin: app.url });
    expect(res.status).toBe(201);
  });

  it('when the request is Bearer-authenticated, then a foreign Origin is not a CSRF risk and is accepted', async () => {
    const bearer = new ApiClient(app.url, { authorization: `Bearer ${user.accessToken}` });
    const res = await bearer.post('/api/assessments', {}, { origin: 'https://evil.example' });
    expect(res.status).toBe(201);
  });

  it('when a safe request carries a foreign Origin, then it is answered (CORS, not the origin check, governs reads)', async () => {
    const res = await user.client.get('/api/assessments', { origin: 'https://evil.example' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Security headers and CORS', () => {
  it('when any API response is sent, then it carries HSTS, nosniff, frame DENY, a CSP and no-store', async () => {
    for (const res of [
      await user.client.get('/api/assessments'),
      await new ApiClient(app.url).get('/api/nope'),
    ]) {
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('when a preflight comes from the allowed origin, then credentials are allowed; from a foreign one, not', async () => {
    const preflight = (origin: string) =>
      new ApiClient(app.url).request('OPTIONS', '/api/assessments', undefined, {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      });
    const allowed = await preflight(app.url);
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(app.url);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Unexpected errors', () => {
  const SECRET = 'password=hunter2 at /var/task/functions/api/secret.js:42';
  let faulty: TestApp;
  beforeAll(async () => {
    const boom = async (): Promise<never> => {
      throw new Error(SECRET);
    };
    const storage: Storage = {
      createUploadSlot: boom,
      head: boom,
      read: boom,
      downloadUrl: boom,
      remove: boom,
      removeAll: boom,
      ping: async () => {},
    };
    faulty = await startTestApp({ deps: { storage } });
  });
  afterAll(async () => {
    await faulty?.stop();
  });

  it('when a dependency throws something unexpected, then 500 problem+json with the correlation id and no internals', async () => {
    const owner = await registerAndLogin(faulty.url, 'faulty');
    const created = await owner.client.post<{ id: string }>('/api/assessments', {});
    const res = await owner.client.post(
      `/api/assessments/${created.body.id}/documents`,
      { fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: 10 },
      { 'x-correlation-id': 'support-ticket-12345' },
    );
    const body = expectProblem(res, 500);
    expect(body.correlationId).toBe('support-ticket-12345');
    const text = JSON.stringify(body);
    expect(text).not.toContain('hunter2');
    expect(text).not.toMatch(/secret\.js|\bat \/|stack/i);
    // Nothing half-done is left behind: no pending document without an upload slot.
    const detail = await owner.client.get<{ documents: unknown[] }>(`/api/assessments/${created.body.id}`);
    expect(detail.body.documents).toEqual([]);
  });
});
