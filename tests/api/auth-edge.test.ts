import { startTestApp, type TestApp } from '../support/app';
import { ApiClient, PASSWORD, register } from '../support/client';
import { confirmOutOfBand, sessionCookie, uniqueEmail, withoutCorrelation } from './support/auth';
import { expectProblem } from './support/problem';

describe('Behind a trusted HTTPS proxy, with e-mail confirmation and a tight login rate limit', () => {
  let edge: TestApp;
  beforeAll(async () => {
    edge = await startTestApp({
      env: { TRUST_PROXY: '1', AUTH_RATE_LIMIT: '3', AUTO_CONFIRM_SIGNUPS: 'false' },
    });
  });
  afterAll(async () => {
    await edge?.stop();
  });

  // Each case calls from its own client address (the proxy is trusted), so the per-address budget
  // of 5 × AUTH_RATE_LIMIT calls is not shared between cases.

  it('when a user registers, then confirmation is required and logging in first is a 401 that says so', async () => {
    const client = new ApiClient(edge.url, { 'x-forwarded-for': '203.0.113.1' });
    const email = uniqueEmail('unconfirmed');
    const reg = await register(client, email, { companyName: 'Pending', industry: 'Web' });
    expect(reg.status).toBe(201);
    expect(reg.body.confirmationRequired).toBe(true);
    const login = await client.post('/api/auth/login', { email, password: PASSWORD });
    expect(expectProblem(login, 401).detail).toMatch(/confirm/i);
    expect(sessionCookie(login.headers.getSetCookie())).toBeUndefined();
  });

  it('when POST /api/auth/confirm gets a wrong code or an unknown e-mail, then the same 400 naming the code', async () => {
    const client = new ApiClient(edge.url, { 'x-forwarded-for': '203.0.113.2' });
    const email = uniqueEmail('confirm');
    await register(client, email, { companyName: 'C', industry: 'Web' });
    const wrong = expectProblem(await client.post('/api/auth/confirm', { email, code: '000000' }), 400);
    expect(wrong.errors).toEqual([{ path: 'code', message: expect.any(String) }]);
    const unknown = expectProblem(
      await client.post('/api/auth/confirm', { email: uniqueEmail('ghost'), code: '000000' }),
      400,
    );
    expect(withoutCorrelation(unknown)).toEqual(withoutCorrelation(wrong));
    const malformed = expectProblem(await client.post('/api/auth/confirm', { email, code: '12ab' }), 400);
    expect(malformed.errors?.map((e) => e.path)).toEqual(['code']);
  });

  it('when x-forwarded-proto is https, then the session cookie is __Host- prefixed and Secure, and it works', async () => {
    const client = new ApiClient(edge.url, {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.3',
    });
    const email = uniqueEmail('tls');
    const reg = await register(client, email, { companyName: 'TLS', industry: 'Web' });
    expect(reg.status).toBe(201);
    await confirmOutOfBand(edge, email);
    const login = await client.post('/api/auth/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    const cookie = sessionCookie(login.headers.getSetCookie());
    expect(cookie).toMatch(/^__Host-scalemap_session=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/;\s*Domain=/i);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const value = client.cookies.get('__Host-scalemap_session')!;
    const logout = await client.post('/api/auth/logout');
    expect(logout.status).toBe(204);
    expect(sessionCookie(logout.headers.getSetCookie())).toMatch(
      /^__Host-scalemap_session=;.*(Expires=Thu, 01 Jan 1970|Max-Age=0)/i,
    );
    const replay = new ApiClient(edge.url, {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.3',
    });
    replay.cookies.set('__Host-scalemap_session', value);
    expectProblem(await replay.get('/api/auth/me'), 401);
  });

  it('when the same e-mail fails to log in a 4th time, then 429 problem+json, while another e-mail is unaffected', async () => {
    const client = new ApiClient(edge.url, { 'x-forwarded-for': '203.0.113.4' });
    const email = uniqueEmail('brute');
    for (let i = 0; i < 3; i++) {
      expectProblem(await client.post('/api/auth/login', { email, password: `Wrong-Password-${i}` }), 401);
    }
    const limited = await client.post('/api/auth/login', { email, password: 'Wrong-Password-3' });
    expectProblem(limited, 429);
    expectProblem(
      await client.post('/api/auth/login', { email: uniqueEmail('other'), password: 'Nope-1234567' }),
      401,
    );
  });

  it('when one client address makes more than 5 × AUTH_RATE_LIMIT auth calls, then 429, while other addresses are unaffected', async () => {
    const noisy = new ApiClient(edge.url, { 'x-forwarded-for': '203.0.113.50' });
    for (let n = 0; n < 15; n++) expectProblem(await noisy.post('/api/auth/confirm', {}), 400);
    expectProblem(await noisy.post('/api/auth/confirm', {}), 429);
    // Asking who one is stays answered (it never counts against the limit).
    expectProblem(await noisy.get('/api/auth/me'), 401);
    const quiet = new ApiClient(edge.url, { 'x-forwarded-for': '203.0.113.51' });
    expectProblem(await quiet.post('/api/auth/confirm', {}), 400);
  });
});
