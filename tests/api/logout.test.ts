import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { openRefreshToken } from '../../functions/api/features/auth/refresh-vault';
import { hashSessionId } from '../../functions/api/features/auth/service';
import { sessions } from '../../functions/api/platform/db/tables';
import { startTestApp, type TestApp } from '../support/app';
import { ApiClient, PASSWORD, registerAndLogin } from '../support/client';
import { expectProblem } from './support/problem';
import { appForTests } from './support/users';

/** Logout ends everything of its login (issue 13, finding 3). */
const the = appForTests();

async function login(email: string) {
  const client = new ApiClient(the.app.url);
  const res = await client.post<{ accessToken: string }>('/api/auth/login', { email, password: PASSWORD });
  expect(res.status).toBe(200);
  return { client, accessToken: res.body.accessToken, sessionId: client.cookies.get('scalemap_session')! };
}
const asBearer = (token: string) =>
  new ApiClient(the.app.url).get('/api/assessments', { authorization: `Bearer ${token}` });

/** Whether Cognito still accepts the refresh token (REFRESH_TOKEN_AUTH against the stand-in). */
async function refreshWorks(token: string): Promise<boolean> {
  const cognito = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: the.app.cognito.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const out = await cognito.send(
      new InitiateAuthCommand({
        ClientId: the.app.cognito.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: token },
      }),
    );
    return Boolean(out.AuthenticationResult?.AccessToken);
  } catch (err) {
    if ((err as Error).name === 'NotAuthorizedException') return false;
    throw err;
  } finally {
    cognito.destroy();
  }
}

async function sealedRefreshToken(sessionId: string) {
  const rows = await the.app.deps.db.db.select().from(sessions);
  const row = rows.find((r) => r.idHash === hashSessionId(sessionId))!;
  return row.refreshToken!;
}

describe('POST /api/auth/logout', () => {
  it('when a login signs out with its cookie, then its cookie and its access token are refused, and its refresh token is revoked at Cognito', async () => {
    const user = await registerAndLogin(the.app.url, 'leaver');
    const other = await login(user.email);
    const sealed = await sealedRefreshToken(other.sessionId);
    const refresh = openRefreshToken(other.sessionId, sealed)!;
    expect(sealed).not.toContain(refresh);
    expect(openRefreshToken('some-other-session-id-value', sealed)).toBeUndefined();
    expect(await refreshWorks(refresh)).toBe(true);

    expect((await other.client.post('/api/auth/logout')).status).toBe(204);
    expectProblem(await other.client.get('/api/auth/me'), 401);
    const refused = expectProblem(await asBearer(other.accessToken), 401);
    expect(refused.detail).toBe('This sign-in has ended. Log in again.');
    expect(await refreshWorks(refresh)).toBe(false);
    // The user's other login is untouched.
    expect((await user.client.get('/api/auth/me')).status).toBe(200);
    expect((await asBearer(user.accessToken)).status).toBe(200);
  });

  it('when a login signs out with its Bearer token, then the token and the same login’s cookie are refused', async () => {
    const user = await registerAndLogin(the.app.url, 'bearer-leaver');
    expect((await asBearer(user.accessToken)).status).toBe(200);
    const out = await new ApiClient(the.app.url).post('/api/auth/logout', undefined, {
      authorization: `Bearer ${user.accessToken}`,
    });
    expect(out.status).toBe(204);
    expectProblem(await asBearer(user.accessToken), 401);
    expectProblem(await user.client.get('/api/auth/me'), 401);
  });

  it('when the cookie and the Bearer token of the same login are both sent, then 204 and both are refused', async () => {
    const user = await registerAndLogin(the.app.url, 'both');
    const out = await user.client.post('/api/auth/logout', undefined, {
      authorization: `Bearer ${user.accessToken}`,
    });
    expect(out.status).toBe(204);
    expectProblem(await asBearer(user.accessToken), 401);
    expectProblem(await user.client.get('/api/auth/me'), 401);
  });

  it('when there is nothing to sign out (no credentials, or a token that is not valid), then 204', async () => {
    expect((await new ApiClient(the.app.url).post('/api/auth/logout')).status).toBe(204);
    const forged = await new ApiClient(the.app.url).post('/api/auth/logout', undefined, {
      authorization: 'Bearer not.a.token',
    });
    expect(forged.status).toBe(204);
  });
});

describe('POST /api/auth/logout when Cognito cannot revoke', () => {
  let failing: TestApp;
  afterAll(async () => {
    await failing?.stop();
  });

  it('when Cognito fails the revocation, then logout still succeeds and the access token is refused', async () => {
    failing = await startTestApp();
    failing.deps.identity.revokeRefreshToken = async () => {
      throw new Error('Cognito is down');
    };
    const user = await registerAndLogin(failing.url, 'cognito-down');
    expect((await user.client.post('/api/auth/logout')).status).toBe(204);
    const res = await new ApiClient(failing.url).get('/api/assessments', {
      authorization: `Bearer ${user.accessToken}`,
    });
    expectProblem(res, 401);
  });
});
