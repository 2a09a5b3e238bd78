import { eq } from 'drizzle-orm';
import { sessions } from '../../functions/api/platform/db/tables';
import { startTestApp, type TestApp } from '../support/app';
import { ApiClient, PASSWORD, register } from '../support/client';
import { expectProblem } from './support/problem';

const NEW_PASSWORD = 'Brand-New-Secret-7';

let app: TestApp;
let counter = 0;
beforeAll(async () => {
  // Sign-ups need confirming here, as in the cloud, so the resend flow can be exercised.
  app = await startTestApp({ env: { AUTO_CONFIRM_SIGNUPS: 'false' } });
});
afterAll(async () => {
  await app?.stop();
});

const uniqueEmail = (label: string) => `${label}-${Date.now()}-${counter++}@example.com`;
const login = (email: string, password: string, client = new ApiClient(app.url)) =>
  client.post('/api/auth/login', { email, password });
const sessionCount = async (userId: string) =>
  (await app.deps.db.db.select().from(sessions).where(eq(sessions.userId, userId))).length;

/** Registers, confirms with the code the stand-in "e-mailed" after a resend, and logs in. */
async function confirmedUser(label: string) {
  const email = uniqueEmail(label);
  const client = new ApiClient(app.url);
  const reg = await register(client, email, { companyName: 'Acme' });
  expect(reg.status).toBe(201);
  expect((await client.post('/api/auth/resend-confirmation', { email })).status).toBe(204);
  const code = app.cognito.lastCode(email);
  expect(code).toMatch(/^\d{6}$/);
  expect((await client.post('/api/auth/confirm', { email, code })).status).toBe(204);
  expect((await login(email, PASSWORD, client)).status).toBe(200);
  return { email, client, userId: reg.body.userId };
}

describe('POST /api/auth/resend-confirmation', () => {
  it('when an unconfirmed user asks, then 204, a new code is sent and confirming with it lets them log in', async () => {
    const email = uniqueEmail('resend');
    const client = new ApiClient(app.url);
    await client.post('/api/auth/register', { email, password: PASSWORD, companyName: 'A', industry: 'B' });
    expectProblem(await login(email, PASSWORD), 401);
    expect(app.cognito.lastCode(email)).toBeUndefined();
    expect((await client.post('/api/auth/resend-confirmation', { email })).status).toBe(204);
    const code = app.cognito.lastCode(email)!;
    expect((await client.post('/api/auth/confirm', { email, code })).status).toBe(204);
    expect((await login(email, PASSWORD)).status).toBe(200);
  });

  it('when the e-mail is unknown or already confirmed, then the same 204 (no enumeration) and no code', async () => {
    const unknown = uniqueEmail('nobody');
    expect(
      (await new ApiClient(app.url).post('/api/auth/resend-confirmation', { email: unknown })).status,
    ).toBe(204);
    expect(app.cognito.lastCode(unknown)).toBeUndefined();
    const { email } = await confirmedUser('already');
    const before = app.cognito.lastCode(email);
    expect((await new ApiClient(app.url).post('/api/auth/resend-confirmation', { email })).status).toBe(204);
    expect(app.cognito.lastCode(email)).toBe(before);
  });

  it('when the body is not a valid e-mail, then 400 on `email`', async () => {
    for (const body of [{}, { email: 'not-an-email' }, { email: 'a@example.com', extra: 1 }]) {
      const res = await new ApiClient(app.url).post('/api/auth/resend-confirmation', body);
      expectProblem(res, 400);
    }
  });
});

describe('POST /api/auth/forgot-password and /reset-password', () => {
  it('when a user resets with the e-mailed code, then 204, the new password works, the old one fails and sessions end', async () => {
    const { email, client, userId } = await confirmedUser('forgot');
    expect(await sessionCount(userId)).toBe(1);
    const anon = new ApiClient(app.url);
    expect((await anon.post('/api/auth/forgot-password', { email })).status).toBe(204);
    const code = app.cognito.lastCode(email)!;
    const res = await anon.post('/api/auth/reset-password', { email, code, password: NEW_PASSWORD });
    expect(res.status).toBe(204);
    expectProblem(await login(email, PASSWORD), 401);
    expect((await login(email, NEW_PASSWORD)).status).toBe(200);
    // The session opened before the reset is gone; the old cookie no longer works.
    expectProblem(await client.get('/api/auth/me'), 401);
    expect(await sessionCount(userId)).toBe(1);
  });

  it('when the e-mail is unknown, then forgot-password answers the same 204 and sends nothing', async () => {
    const email = uniqueEmail('ghost');
    expect((await new ApiClient(app.url).post('/api/auth/forgot-password', { email })).status).toBe(204);
    expect(app.cognito.lastCode(email)).toBeUndefined();
  });

  it('when the code is wrong, or the account unknown, then 400 on `code` and the password is unchanged', async () => {
    const { email } = await confirmedUser('wrongcode');
    const anon = new ApiClient(app.url);
    await anon.post('/api/auth/forgot-password', { email });
    const real = app.cognito.lastCode(email)!;
    const wrong = real === '000000' ? '111111' : '000000';
    for (const body of [
      { email, code: wrong, password: NEW_PASSWORD },
      { email: uniqueEmail('ghost'), code: real, password: NEW_PASSWORD },
    ]) {
      const problem = expectProblem(await anon.post('/api/auth/reset-password', body), 400);
      expect(problem.errors?.map((e) => e.path)).toEqual(['code']);
    }
    expect((await login(email, PASSWORD)).status).toBe(200);
  });

  it('when the new password is weak or the code malformed, then 400 on that field and nothing changes', async () => {
    const { email } = await confirmedUser('weak');
    const anon = new ApiClient(app.url);
    await anon.post('/api/auth/forgot-password', { email });
    const code = app.cognito.lastCode(email)!;
    const weak = expectProblem(
      await anon.post('/api/auth/reset-password', { email, code, password: 'short' }),
      400,
    );
    expect(new Set(weak.errors?.map((e) => e.path))).toEqual(new Set(['password']));
    const bad = expectProblem(
      await anon.post('/api/auth/reset-password', { email, code: '12ab', password: NEW_PASSWORD }),
      400,
    );
    expect(bad.errors?.map((e) => e.path)).toEqual(['code']);
    expect((await login(email, PASSWORD)).status).toBe(200);
    // The code is still good after the refused attempts.
    expect(
      (await anon.post('/api/auth/reset-password', { email, code, password: NEW_PASSWORD })).status,
    ).toBe(204);
  });
});

describe('POST /api/auth/change-password', () => {
  it('when the current password is right, then 204, the new one works and other sessions end but this one stays', async () => {
    const { email, client, userId } = await confirmedUser('changer');
    const other = new ApiClient(app.url);
    expect((await login(email, PASSWORD, other)).status).toBe(200);
    expect(await sessionCount(userId)).toBe(2);
    const res = await client.post('/api/auth/change-password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(res.status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expectProblem(await other.get('/api/auth/me'), 401);
    expectProblem(await login(email, PASSWORD), 401);
    expect((await login(email, NEW_PASSWORD)).status).toBe(200);
  });

  it('when the current password is wrong, then 400 on `currentPassword` and the password is unchanged', async () => {
    const { email, client } = await confirmedUser('wrongcurrent');
    const res = await client.post('/api/auth/change-password', {
      currentPassword: 'Not-The-Password-1',
      newPassword: NEW_PASSWORD,
    });
    const problem = expectProblem(res, 400);
    expect(problem.errors).toEqual([{ path: 'currentPassword', message: 'Current password is incorrect.' }]);
    expect((await login(email, PASSWORD)).status).toBe(200);
  });

  it('when the new password is weak or the same as the current one, then 400 on `newPassword`', async () => {
    const { email, client } = await confirmedUser('weaknew');
    for (const newPassword of ['short', 'alllowercase-and-long', PASSWORD]) {
      const res = await client.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword });
      expect(new Set(expectProblem(res, 400).errors?.map((e) => e.path))).toEqual(new Set(['newPassword']));
    }
    expect((await login(email, PASSWORD)).status).toBe(200);
  });

  it('when the caller is not signed in, then 401', async () => {
    const res = await new ApiClient(app.url).post('/api/auth/change-password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expectProblem(res, 401);
  });

  it('when a Bearer token is used, then the password changes too', async () => {
    const { email } = await confirmedUser('bearer');
    const { accessToken } = (await login(email, PASSWORD)).body as { accessToken: string };
    const bearer = new ApiClient(app.url, { authorization: `Bearer ${accessToken}` });
    const res = await bearer.post('/api/auth/change-password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(res.status).toBe(204);
    expect((await login(email, NEW_PASSWORD)).status).toBe(200);
  });
});

describe('Rate limit on the public code and password routes', () => {
  let tight: TestApp;
  beforeAll(async () => {
    tight = await startTestApp({ env: { AUTH_RATE_LIMIT: '2' } });
  });
  afterAll(async () => {
    await tight?.stop();
  });

  it('when one address keeps asking for codes for one account, then 429 problem+json after the limit', async () => {
    const client = new ApiClient(tight.url);
    const email = uniqueEmail('flood');
    for (const path of ['/api/auth/forgot-password', '/api/auth/resend-confirmation']) {
      expect((await client.post(path, { email })).status).toBe(204);
    }
    expectProblem(await client.post('/api/auth/forgot-password', { email }), 429);
    expectProblem(
      await client.post('/api/auth/reset-password', { email, code: '123456', password: NEW_PASSWORD }),
      429,
    );
  });
});
