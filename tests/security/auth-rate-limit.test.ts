import { startTestApp, type TestApp } from '../support/app';
import { PASSWORD, registerAndLogin } from '../support/client';
import { leaks, snapshot } from './support';

describe('Login brute force', () => {
  let limited: TestApp | undefined;
  afterAll(async () => {
    await limited?.stop();
  });

  it('when the same account gets more failed logins than the limit, then further attempts get 429 even with the right password, and nothing is written', async () => {
    limited = await startTestApp({ env: { AUTH_RATE_LIMIT: '5' } });
    const victim = await registerAndLogin(limited.url, 'victim');
    const before = await snapshot(limited.deps.db.db);
    const attempt = (password: string) =>
      fetch(`${limited!.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: victim.email, password }),
      });
    // The successful login above counts too: four more failures reach the limit of five.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt(`Wrong-Password-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const blocked = await attempt(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await blocked.text();
    for (const [, pattern] of leaks) expect(body).not.toMatch(pattern);
    expect((await attempt(PASSWORD)).status).toBe(429);
    expect(await snapshot(limited.deps.db.db)).toEqual(before);
    // Existing sessions are not locked out.
    expect((await victim.client.get('/api/auth/me')).status).toBe(200);
  });
});

describe('An address at the auth rate limit', () => {
  let limited: TestApp | undefined;
  afterAll(async () => {
    await limited?.stop();
  });

  it('when an address has used up the auth limit, then GET /api/auth/me and logout still answer, and logout ends the session', async () => {
    limited = await startTestApp({ env: { AUTH_RATE_LIMIT: '2' } });
    const user = await registerAndLogin(limited.url, 'stuck');
    // Register and login counted 2 of the address's 10; confirm calls use up the rest.
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await user.client.post('/api/auth/confirm', {})).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) expect((await user.client.get('/api/auth/me')).status).toBe(200);
    expect((await user.client.post('/api/auth/logout')).status).toBe(204);
    const after = await user.client.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const bearer = await fetch(`${limited.url}/api/assessments`, {
      headers: { authorization: `Bearer ${user.accessToken}` },
    });
    expect(bearer.status).toBe(401);
  });
});
