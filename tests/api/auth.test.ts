import { createHash } from 'node:crypto';
import {
  AdminConfirmSignUpCommand,
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../functions/api/platform/db/tables';
import { startTestApp, type TestApp } from '../support/app';
import { ApiClient, PASSWORD, registerAndLogin } from '../support/client';
import { rowCount } from './support/inspect';
import {
  cognitoLocalKey,
  decodePayload,
  signJwt,
  strangerKey,
  tamperPayload,
  tamperSignature,
  unsignedJwt,
} from './support/jwt';
import { expectProblem, type ProblemBody } from './support/problem';

let app: TestApp;
let alice: Awaited<ReturnType<typeof registerAndLogin>>;
let aliceIdToken: string;
beforeAll(async () => {
  app = await startTestApp();
  alice = await registerAndLogin(app.url, 'alice');
  const login = await new ApiClient(app.url).post<{ idToken: string }>('/api/auth/login', {
    email: alice.email,
    password: PASSWORD,
  });
  aliceIdToken = login.body.idToken;
});
afterAll(async () => {
  await app?.stop();
});

const uniqueEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
const withoutCorrelation = ({ correlationId: _, ...rest }: ProblemBody) => rest;
const sessionCookie = (setCookie: string[]) => setCookie.find((c) => /scalemap_session=/.test(c));

describe('POST /api/auth/register', () => {
  it('when the details are valid, then 201 and the user exists, with the e-mail lower-cased', async () => {
    const email = uniqueEmail('MixedCase');
    const res = await new ApiClient(app.url).post<{
      userId: string;
      email: string;
      confirmationRequired: boolean;
    }>('/api/auth/register', { email, password: PASSWORD, companyName: 'Acme', industry: 'Retail' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      userId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: email.toLowerCase(),
      confirmationRequired: false,
    });
    const [row] = await app.deps.db.db.select().from(users).where(eq(users.id, res.body.userId));
    expect(row).toMatchObject({ email: email.toLowerCase(), companyName: 'Acme', industry: 'Retail' });
  });

  it('when the e-mail is already registered, then 409 and no second user', async () => {
    const before = await rowCount(app, users);
    const res = await new ApiClient(app.url).post('/api/auth/register', {
      email: alice.email,
      password: PASSWORD,
      companyName: 'Again',
      industry: 'Retail',
    });
    expectProblem(res, 409);
    expect(await rowCount(app, users)).toBe(before);
  });

  it('when the e-mail differs only in case from a registered one, then 409', async () => {
    const res = await new ApiClient(app.url).post('/api/auth/register', {
      email: alice.email.toUpperCase(),
      password: PASSWORD,
      companyName: 'Shouting Ltd',
      industry: 'Retail',
    });
    expectProblem(res, 409);
  });

  it('when the Cognito user was deleted and the person signs up again, then they get their account back (not a 500)', async () => {
    const dave = await registerAndLogin(app.url, 'dave');
    const cognito = new CognitoIdentityProviderClient({
      endpoint: app.cognito.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await cognito.send(
      new AdminDeleteUserCommand({ UserPoolId: app.cognito.userPoolId, Username: dave.email }),
    );
    cognito.destroy();
    const client = new ApiClient(app.url);
    const again = await client.post<{ userId: string }>('/api/auth/register', {
      email: dave.email,
      password: PASSWORD,
      companyName: 'Dave Again',
      industry: 'Retail',
    });
    expect(again.status).toBe(201);
    expect(again.body.userId).toBe(dave.userId);
    expect((await client.post('/api/auth/login', { email: dave.email, password: PASSWORD })).status).toBe(
      200,
    );
    expect((await client.get<{ id: string }>('/api/auth/me')).body.id).toBe(dave.userId);
    // The deleted identity's token no longer maps to the account.
    const stale = new ApiClient(app.url, { authorization: `Bearer ${dave.accessToken}` });
    expectProblem(await stale.get('/api/auth/me'), 401);
  });

  it('when the company name holds a lone UTF-16 surrogate or a C1 control character, then 400 and nothing is created', async () => {
    const before = await rowCount(app, users);
    for (const companyName of ['Bad \\udfff Co', 'Bad \\u0085 Co']) {
      const res = await new ApiClient(app.url).request(
        'POST',
        '/api/auth/register',
        `{"email":"${uniqueEmail('surrogate')}","password":"${PASSWORD}","companyName":"${companyName}","industry":"Retail"}`,
        { 'content-type': 'application/json' },
      );
      expect(expectProblem(res, 400).errors?.map((e) => e.path)).toEqual(['companyName']);
    }
    expect(await rowCount(app, users)).toBe(before);
  });

  it('when the password is weak or a field has control characters, then 400 names the fields and nothing is created', async () => {
    const before = await rowCount(app, users);
    const res = await new ApiClient(app.url).post('/api/auth/register', {
      email: uniqueEmail('weak'),
      password: 'alllowercase',
      companyName: 'Bad\u0000Co',
      industry: 'Retail',
    });
    const body = expectProblem(res, 400);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['companyName', 'password']);
    expect(await rowCount(app, users)).toBe(before);
  });
});

describe('POST /api/auth/login', () => {
  it('when the credentials are right, then 200 with tokens and an HttpOnly, SameSite=Strict session cookie (not Secure over http)', async () => {
    const client = new ApiClient(app.url);
    const res = await client.post<{
      accessToken: string;
      idToken: string;
      expiresIn: number;
      tokenType: string;
      user: unknown;
    }>('/api/auth/login', { email: alice.email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      idToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      expiresIn: expect.any(Number),
      tokenType: 'Bearer',
      user: { id: alice.userId, email: alice.email, companyName: 'Acme Scale Ltd', industry: 'Software' },
    });
    const cookie = sessionCookie(res.headers.getSetCookie());
    expect(cookie).toMatch(/^scalemap_session=[A-Za-z0-9_-]{40,}/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    expect(cookie).not.toMatch(/__Host-/);
    // SESSION_TTL_HOURS defaults to 12.
    expect(cookie).toMatch(/;\s*Max-Age=43200(;|$)/i);
    // Only the cookie's SHA-256 is stored, never the value itself.
    const value = client.cookies.get('scalemap_session')!;
    const rows = await app.deps.db.db.select().from(sessions).where(eq(sessions.userId, alice.userId));
    expect(rows.map((r) => r.idHash)).toContain(createHash('sha256').update(value).digest('hex'));
    expect(rows.map((r) => r.idHash)).not.toContain(value);
  });

  it('when an untrusted client claims x-forwarded-proto: https, then the cookie stays the plain http one', async () => {
    const res = await new ApiClient(app.url).post(
      '/api/auth/login',
      { email: alice.email, password: PASSWORD },
      { 'x-forwarded-proto': 'https' },
    );
    expect(res.status).toBe(200);
    expect(sessionCookie(res.headers.getSetCookie())).toMatch(/^scalemap_session=/);
  });

  it('when the user is unknown or the password is wrong, then the same 401 and no cookie', async () => {
    const unknown = await new ApiClient(app.url).post('/api/auth/login', {
      email: uniqueEmail('nobody'),
      password: PASSWORD,
    });
    const wrong = await new ApiClient(app.url).post('/api/auth/login', {
      email: alice.email,
      password: 'Wrong-Password-99',
    });
    const a = expectProblem(unknown, 401);
    const b = expectProblem(wrong, 401);
    expect(withoutCorrelation(a)).toEqual(withoutCorrelation(b));
    expect(sessionCookie(unknown.headers.getSetCookie())).toBeUndefined();
    expect(sessionCookie(wrong.headers.getSetCookie())).toBeUndefined();
  });

  it('when the body is incomplete, then 400 names the missing fields', async () => {
    const body = expectProblem(await new ApiClient(app.url).post('/api/auth/login', {}), 400);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['email', 'password']);
  });
});

describe('GET /api/auth/me', () => {
  it('when the session cookie is valid, then 200 with exactly the public user fields', async () => {
    const res = await alice.client.get('/api/auth/me');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: alice.userId,
      email: alice.email,
      companyName: 'Acme Scale Ltd',
      industry: 'Software',
    });
  });

  it('when the session has expired, then 401 even though the cookie is still sent', async () => {
    const carol = await registerAndLogin(app.url, 'carol');
    expect((await carol.client.get('/api/auth/me')).status).toBe(200);
    await app.deps.db.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, carol.userId));
    expectProblem(await carol.client.get('/api/auth/me'), 401);
    expectProblem(await carol.client.get('/api/assessments'), 401);
  });

  it('when the session cookie is garbage, then 401', async () => {
    const client = new ApiClient(app.url);
    client.cookies.set('scalemap_session', 'not a valid session value');
    expectProblem(await client.get('/api/auth/me'), 401);
  });
});

describe('POST /api/auth/logout', () => {
  it('when logged in, then 204, the cookie is cleared and the session no longer works, even replayed', async () => {
    const bob = await registerAndLogin(app.url, 'bob');
    const value = bob.client.cookies.get('scalemap_session')!;
    const res = await bob.client.post('/api/auth/logout');
    expect(res.status).toBe(204);
    expect(sessionCookie(res.headers.getSetCookie())).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    const replay = new ApiClient(app.url);
    replay.cookies.set('scalemap_session', value);
    expectProblem(await replay.get('/api/auth/me'), 401);
    expect(await app.deps.db.db.select().from(sessions).where(eq(sessions.userId, bob.userId))).toEqual([]);
  });

  it('when not logged in, then 204 all the same', async () => {
    expect((await new ApiClient(app.url).post('/api/auth/logout')).status).toBe(204);
  });
});

describe('Bearer access tokens', () => {
  const bearer = (token: string) => new ApiClient(app.url, { authorization: `Bearer ${token}` });
  /** Claims of a genuine cognito-local access token for Alice, with `overrides`. */
  const claims = (overrides: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return {
      ...decodePayload(alice.accessToken),
      iat: now - 60,
      auth_time: now - 60,
      exp: now + 3600,
      ...overrides,
    };
  };

  it('when the token is genuine, then it is accepted on protected routes', async () => {
    expect((await bearer(alice.accessToken).get('/api/auth/me')).status).toBe(200);
    expect((await bearer(alice.accessToken).get('/api/assessments')).status).toBe(200);
  });

  it('when a token is minted with the stand-in key and valid claims, then it is accepted (so the forgeries below fail for their flaw alone)', async () => {
    expect((await bearer(signJwt(claims(), cognitoLocalKey())).get('/api/auth/me')).status).toBe(200);
  });

  it('when the signature is tampered with, then 401', async () => {
    expectProblem(await bearer(tamperSignature(alice.accessToken)).get('/api/auth/me'), 401);
  });

  it('when the payload is changed but the signature kept, then 401', async () => {
    const bob = await registerAndLogin(app.url, 'victim');
    const forged = tamperPayload(alice.accessToken, { sub: decodePayload(bob.accessToken).sub });
    expectProblem(await bearer(forged).get('/api/auth/me'), 401);
  });

  it('when the token has expired, then 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = signJwt(
      claims({ iat: now - 7200, auth_time: now - 7200, exp: now - 3600 }),
      cognitoLocalKey(),
    );
    expectProblem(await bearer(expired).get('/api/auth/me'), 401);
  });

  it('when the token is unsigned (alg none), then 401', async () => {
    expectProblem(await bearer(unsignedJwt(claims())).get('/api/auth/me'), 401);
    const noneWithSig = `${unsignedJwt(claims())}${alice.accessToken.split('.')[2]}`;
    expectProblem(await bearer(noneWithSig).get('/api/auth/me'), 401);
  });

  it('when the token comes from another issuer, then 401', async () => {
    const otherPool = signJwt(
      claims({ iss: `${app.cognito.endpoint}/us-east-1_Attacker` }),
      cognitoLocalKey(),
    );
    expectProblem(await bearer(otherPool).get('/api/auth/me'), 401);
    const attacker = signJwt(claims({ iss: 'https://attacker.example/pool' }), strangerKey(), {
      alg: 'RS256',
      typ: 'JWT',
      kid: 'attacker',
    });
    expectProblem(await bearer(attacker).get('/api/auth/me'), 401);
  });

  it('when the token is signed with another key under the real key id, then 401', async () => {
    expectProblem(await bearer(signJwt(claims(), strangerKey())).get('/api/auth/me'), 401);
  });

  it('when an ID token is sent where an access token is required, then 401', async () => {
    expect(decodePayload(aliceIdToken).token_use).toBe('id');
    expectProblem(await bearer(aliceIdToken).get('/api/auth/me'), 401);
    expectProblem(await bearer(aliceIdToken).get('/api/assessments'), 401);
  });

  it('when the token is for another app client or an unknown user, then 401', async () => {
    expectProblem(
      await bearer(signJwt(claims({ client_id: 'another-client' }), cognitoLocalKey())).get('/api/auth/me'),
      401,
    );
    expectProblem(
      await bearer(signJwt(claims({ sub: '00000000-0000-4000-8000-000000000000' }), cognitoLocalKey())).get(
        '/api/auth/me',
      ),
      401,
    );
  });

  it('when the Authorization header is malformed, then 401 (and a valid cookie does not rescue it)', async () => {
    for (const header of [
      'Bearer',
      'Basic dXNlcjpwYXNz',
      'Bearer a b',
      `Bearer ${tamperSignature(alice.accessToken)}`,
    ]) {
      expectProblem(await alice.client.get('/api/auth/me', { authorization: header }), 401);
    }
  });
});

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

  /** What the user does by following the e-mailed code (the stand-in keeps codes out of reach). */
  async function confirmOutOfBand(email: string) {
    const cognito = new CognitoIdentityProviderClient({
      endpoint: edge.cognito.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await cognito.send(
      new AdminConfirmSignUpCommand({ UserPoolId: edge.cognito.userPoolId, Username: email }),
    );
    cognito.destroy();
  }

  it('when a user registers, then confirmation is required and logging in first is a 401 that says so', async () => {
    const client = new ApiClient(edge.url, { 'x-forwarded-for': '203.0.113.1' });
    const email = uniqueEmail('unconfirmed');
    const reg = await client.post<{ confirmationRequired: boolean }>('/api/auth/register', {
      email,
      password: PASSWORD,
      companyName: 'Pending',
      industry: 'Web',
    });
    expect(reg.status).toBe(201);
    expect(reg.body.confirmationRequired).toBe(true);
    const login = await client.post('/api/auth/login', { email, password: PASSWORD });
    expect(expectProblem(login, 401).detail).toMatch(/confirm/i);
    expect(sessionCookie(login.headers.getSetCookie())).toBeUndefined();
  });

  it('when POST /api/auth/confirm gets a wrong code or an unknown e-mail, then the same 400 naming the code', async () => {
    const client = new ApiClient(edge.url, { 'x-forwarded-for': '203.0.113.2' });
    const email = uniqueEmail('confirm');
    await client.post('/api/auth/register', { email, password: PASSWORD, companyName: 'C', industry: 'Web' });
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
    const reg = await client.post('/api/auth/register', {
      email,
      password: PASSWORD,
      companyName: 'TLS',
      industry: 'Web',
    });
    expect(reg.status).toBe(201);
    await confirmOutOfBand(email);
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
