import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../functions/api/platform/db/tables';
import { ApiClient, PASSWORD, registerAndLogin } from '../support/client';
import { deleteCognitoUser, sessionCookie, uniqueEmail, withoutCorrelation } from './support/auth';
import { rowCount } from './support/inspect';
import { expectProblem } from './support/problem';
import { appWithUsers } from './support/users';

/** Sign-up, sign-in, who am I and sign-out by session cookie (Bearer tokens: auth-bearer; the edge: auth-edge). */
const the = appWithUsers(['alice']);

describe('POST /api/auth/register', () => {
  it('when the details are valid, then 201 and the user exists, with the e-mail lower-cased', async () => {
    const email = uniqueEmail('MixedCase');
    const res = await new ApiClient(the.app.url).post<{
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
    const [row] = await the.app.deps.db.db.select().from(users).where(eq(users.id, res.body.userId));
    expect(row).toMatchObject({ email: email.toLowerCase(), companyName: 'Acme', industry: 'Retail' });
  });

  it('when the e-mail is already registered, then 409 and no second user', async () => {
    const before = await rowCount(the.app, users);
    const res = await new ApiClient(the.app.url).post('/api/auth/register', {
      email: the.alice.email,
      password: PASSWORD,
      companyName: 'Again',
      industry: 'Retail',
    });
    expectProblem(res, 409);
    expect(await rowCount(the.app, users)).toBe(before);
  });

  it('when the e-mail differs only in case from a registered one, then 409', async () => {
    const res = await new ApiClient(the.app.url).post('/api/auth/register', {
      email: the.alice.email.toUpperCase(),
      password: PASSWORD,
      companyName: 'Shouting Ltd',
      industry: 'Retail',
    });
    expectProblem(res, 409);
  });

  it('when the Cognito user was deleted and the person signs up again, then they get their account back (not a 500)', async () => {
    const dave = await registerAndLogin(the.app.url, 'dave');
    await deleteCognitoUser(the.app, dave.email);
    const client = new ApiClient(the.app.url);
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
    const stale = new ApiClient(the.app.url, { authorization: `Bearer ${dave.accessToken}` });
    expectProblem(await stale.get('/api/auth/me'), 401);
  });

  it('when the company name holds a lone UTF-16 surrogate or a C1 control character, then 400 and nothing is created', async () => {
    const before = await rowCount(the.app, users);
    for (const companyName of ['Bad \\udfff Co', 'Bad \\u0085 Co']) {
      const res = await new ApiClient(the.app.url).request(
        'POST',
        '/api/auth/register',
        `{"email":"${uniqueEmail('surrogate')}","password":"${PASSWORD}","companyName":"${companyName}","industry":"Retail"}`,
        { 'content-type': 'application/json' },
      );
      expect(expectProblem(res, 400).errors?.map((e) => e.path)).toEqual(['companyName']);
    }
    expect(await rowCount(the.app, users)).toBe(before);
  });

  it('when the password is weak or a field has control characters, then 400 names the fields and nothing is created', async () => {
    const before = await rowCount(the.app, users);
    const res = await new ApiClient(the.app.url).post('/api/auth/register', {
      email: uniqueEmail('weak'),
      password: 'alllowercase',
      companyName: 'Bad\u0000Co',
      industry: 'Retail',
    });
    const body = expectProblem(res, 400);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['companyName', 'password']);
    expect(await rowCount(the.app, users)).toBe(before);
  });
});

describe('POST /api/auth/login', () => {
  it('when the credentials are right, then 200 with tokens and an HttpOnly, SameSite=Strict session cookie (not Secure over http)', async () => {
    const client = new ApiClient(the.app.url);
    const res = await client.post<{
      accessToken: string;
      idToken: string;
      expiresIn: number;
      tokenType: string;
      user: unknown;
    }>('/api/auth/login', { email: the.alice.email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      idToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      expiresIn: expect.any(Number),
      tokenType: 'Bearer',
      user: {
        id: the.alice.userId,
        email: the.alice.email,
        companyName: 'Acme Scale Ltd',
        industry: 'Software',
      },
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
    const rows = await the.app.deps.db.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, the.alice.userId));
    expect(rows.map((r) => r.idHash)).toContain(createHash('sha256').update(value).digest('hex'));
    expect(rows.map((r) => r.idHash)).not.toContain(value);
  });

  it('when an untrusted client claims x-forwarded-proto: https, then the cookie stays the plain http one', async () => {
    const res = await new ApiClient(the.app.url).post(
      '/api/auth/login',
      { email: the.alice.email, password: PASSWORD },
      { 'x-forwarded-proto': 'https' },
    );
    expect(res.status).toBe(200);
    expect(sessionCookie(res.headers.getSetCookie())).toMatch(/^scalemap_session=/);
  });

  it('when the user is unknown or the password is wrong, then the same 401 and no cookie', async () => {
    const unknown = await new ApiClient(the.app.url).post('/api/auth/login', {
      email: uniqueEmail('nobody'),
      password: PASSWORD,
    });
    const wrong = await new ApiClient(the.app.url).post('/api/auth/login', {
      email: the.alice.email,
      password: 'Wrong-Password-99',
    });
    const a = expectProblem(unknown, 401);
    const b = expectProblem(wrong, 401);
    expect(withoutCorrelation(a)).toEqual(withoutCorrelation(b));
    expect(sessionCookie(unknown.headers.getSetCookie())).toBeUndefined();
    expect(sessionCookie(wrong.headers.getSetCookie())).toBeUndefined();
  });

  it('when the body is incomplete, then 400 names the missing fields', async () => {
    const body = expectProblem(await new ApiClient(the.app.url).post('/api/auth/login', {}), 400);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['email', 'password']);
  });
});

describe('GET /api/auth/me', () => {
  it('when the session cookie is valid, then 200 with exactly the public user fields', async () => {
    const res = await the.alice.client.get('/api/auth/me');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: the.alice.userId,
      email: the.alice.email,
      companyName: 'Acme Scale Ltd',
      industry: 'Software',
    });
  });

  it('when the session has expired, then 401 even though the cookie is still sent', async () => {
    const carol = await registerAndLogin(the.app.url, 'carol');
    expect((await carol.client.get('/api/auth/me')).status).toBe(200);
    await the.app.deps.db.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, carol.userId));
    expectProblem(await carol.client.get('/api/auth/me'), 401);
    expectProblem(await carol.client.get('/api/assessments'), 401);
  });

  it('when the session cookie is garbage, then 401', async () => {
    const client = new ApiClient(the.app.url);
    client.cookies.set('scalemap_session', 'not a valid session value');
    expectProblem(await client.get('/api/auth/me'), 401);
  });
});

describe('POST /api/auth/logout', () => {
  it('when logged in, then 204, the cookie is cleared and the session no longer works, even replayed', async () => {
    const bob = await registerAndLogin(the.app.url, 'bob');
    const value = bob.client.cookies.get('scalemap_session')!;
    const res = await bob.client.post('/api/auth/logout');
    expect(res.status).toBe(204);
    expect(sessionCookie(res.headers.getSetCookie())).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    const replay = new ApiClient(the.app.url);
    replay.cookies.set('scalemap_session', value);
    expectProblem(await replay.get('/api/auth/me'), 401);
    expect(await the.app.deps.db.db.select().from(sessions).where(eq(sessions.userId, bob.userId))).toEqual(
      [],
    );
  });

  it('when not logged in, then 204 all the same', async () => {
    expect((await new ApiClient(the.app.url).post('/api/auth/logout')).status).toBe(204);
  });
});
