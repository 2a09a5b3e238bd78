import { ApiClient } from '../support/client';
import { expectProblem } from './support/problem';
import { concretePath } from './support/route-table';
import { appWithUsers } from './support/users';

/** What every API response carries: problems, correlation ids, the origin check, security headers, CORS. */
const the = appWithUsers(['user']);

describe('Problem responses', () => {
  it('when a route does not exist under /api, then 404 problem+json, never HTML', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['POST', '/api/assessments/not-a-uuid/frobnicate'],
      ['DELETE', '/api/questionnaire'],
    ] as const) {
      const res = await the.user.client.request(method, path);
      const body = expectProblem(res, 404);
      expect(body.title).toBe('Not Found');
      expect(String(res.body)).not.toMatch(/<html|<!DOCTYPE/i);
    }
  });

  it('when an unknown /api route is called without credentials, then it is a 404 problem too', async () => {
    const anonymous = new ApiClient(the.app.url);
    for (const path of ['/api/definitely/not/here', '/api/questionnaires', '/api/auth/whoami']) {
      expectProblem(await anonymous.get(path), 404);
    }
  });

  it('when the body is malformed JSON, then 400 problem+json and nothing leaks', async () => {
    const res = await the.user.client.request('POST', '/api/assessments', '{"oops":', {
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
      const res = await new ApiClient(the.app.url).request('POST', '/api/auth/login', json, {
        'content-type': 'application/json',
        'content-encoding': encoding,
      });
      expectProblem(res, status);
    }
  });

  it('when the body is larger than 100 kB, then 413 problem+json', async () => {
    const res = await the.user.client.put(`/api/assessments/${concretePath(':id')}/responses`, {
      responses: { 'strategy-vision-clarity': 'x'.repeat(101 * 1024) },
    });
    expectProblem(res, 413);
  });

  it('when the body is not JSON, then 415 problem+json', async () => {
    const res = await the.user.client.request('POST', '/api/auth/login', 'email=a@b.c&password=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expectProblem(res, 415);
    const text = await the.user.client.request('POST', '/api/assessments', '{}', {
      'content-type': 'text/plain',
    });
    expectProblem(text, 415);
  });

  it('when the body fails validation, then 400 lists each bad field in errors[]', async () => {
    const res = await new ApiClient(the.app.url).post('/api/auth/register', {
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
    const anonymous = new ApiClient(the.app.url);
    const responses = [
      await anonymous.get('/api/health'),
      await anonymous.get('/api/questionnaire'),
      await anonymous.get('/api/openapi.json'),
      await anonymous.get('/api/assessments'),
      await the.user.client.get('/api/assessments'),
      await the.user.client.get('/api/nope'),
      await anonymous.request('OPTIONS', '/api/assessments', undefined, {
        origin: the.app.url,
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
    const ok = await the.user.client.get('/api/assessments', { 'x-correlation-id': id });
    expect(ok.headers.get('x-correlation-id')).toBe(id);
    const problem = await the.user.client.get('/api/nope', { 'x-correlation-id': id });
    expect(expectProblem(problem, 404).correlationId).toBe(id);
  });

  it('when an invalid id arrives, then it is replaced by a fresh one', async () => {
    for (const bad of ['short', 'has spaces in it', '<script>alert(1)</script>', 'x'.repeat(200)]) {
      const res = await the.user.client.get('/api/assessments', { 'x-correlation-id': bad });
      const echoed = res.headers.get('x-correlation-id');
      expect(echoed).not.toBe(bad);
      expect(echoed).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
    }
  });
});

describe('Origin check on cookie-authenticated unsafe requests', () => {
  it('when the Origin is foreign, then 403 and nothing is created', async () => {
    const before = await the.user.client.get<{ items: unknown[] }>('/api/assessments');
    const res = await the.user.client.post('/api/assessments', {}, { origin: 'https://evil.example' });
    expectProblem(res, 403);
    const after = await the.user.client.get<{ items: unknown[] }>('/api/assessments');
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('when the Origin is the allowed one, then the request goes through', async () => {
    const res = await the.user.client.post('/api/assessments', {}, { origin: the.app.url });
    expect(res.status).toBe(201);
  });

  it('when the request is Bearer-authenticated, then a foreign Origin is not a CSRF risk and is accepted', async () => {
    const bearer = new ApiClient(the.app.url, { authorization: `Bearer ${the.user.accessToken}` });
    const res = await bearer.post('/api/assessments', {}, { origin: 'https://evil.example' });
    expect(res.status).toBe(201);
  });

  it('when a safe request carries a foreign Origin, then it is answered (CORS, not the origin check, governs reads)', async () => {
    const res = await the.user.client.get('/api/assessments', { origin: 'https://evil.example' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Security headers and CORS', () => {
  it('when any API response is sent, then it carries HSTS, nosniff, frame DENY, a CSP and no-store', async () => {
    for (const res of [
      await the.user.client.get('/api/assessments'),
      await new ApiClient(the.app.url).get('/api/nope'),
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
      new ApiClient(the.app.url).request('OPTIONS', '/api/assessments', undefined, {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      });
    const allowed = await preflight(the.app.url);
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(the.app.url);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
