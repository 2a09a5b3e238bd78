import { createApp } from '../../functions/api/app';
import type { Storage } from '../../functions/api/platform/storage/storage';
import { startTestApp, type TestApp } from '../support/app';
import { ApiClient, registerAndLogin } from '../support/client';
import { expectProblem } from './support/problem';
import { concretePath, openApiPath, type RouteEntry, routeTable } from './support/route-table';
import { appWithUsers } from './support/users';

/** The route table: who may call what, what is documented, and what an unexpected error reveals. */
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

const the = appWithUsers(['user']);
let routes: RouteEntry[];
beforeAll(() => {
  routes = routeTable(createApp(the.app.deps));
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
    const anonymous = new ApiClient(the.app.url);
    const protectedRoutes = routes.filter((r) => !PUBLIC_ROUTES.has(key(r)));
    for (const route of protectedRoutes) {
      const res = await anonymous.request(route.method, concretePath(route.path));
      expect({ route: key(route), status: res.status }).toEqual({ route: key(route), status: 401 });
      expectProblem(res, 401);
    }
  });

  it('when called with a session cookie that does not exist, then 401', async () => {
    const stranger = new ApiClient(the.app.url);
    stranger.cookies.set('scalemap_session', 'x'.repeat(43));
    for (const route of routes.filter((r) => !PUBLIC_ROUTES.has(key(r)))) {
      const res = await stranger.request(route.method, concretePath(route.path));
      expect({ route: key(route), status: res.status }).toEqual({ route: key(route), status: 401 });
    }
  });

  it('when called with a valid Bearer access token and no cookie, then it is accepted', async () => {
    const bearer = new ApiClient(the.app.url, { authorization: `Bearer ${the.user.accessToken}` });
    const me = await bearer.get<{ email: string }>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(the.user.email);
    const created = await bearer.post<{ id: string }>('/api/assessments', {});
    expect(created.status).toBe(201);
    expect((await bearer.get(`/api/assessments/${created.body.id}`)).status).toBe(200);
  });
});

describe('GET /api/openapi.json', () => {
  it('when fetched, then it is OpenAPI 3.1 and documents every route in the route table, and no others', async () => {
    const res = await new ApiClient(the.app.url).get<{
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
