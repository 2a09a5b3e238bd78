import { ApiClient, PASSWORD, registerAndLogin } from '../support/client';
import {
  cognitoLocalKey,
  decodePayload,
  signJwt,
  strangerKey,
  tamperPayload,
  tamperSignature,
  unsignedJwt,
} from './support/jwt';
import { expectProblem } from './support/problem';
import { appWithUsers } from './support/users';

/** Bearer access tokens: the genuine one is accepted, every forgery is a 401. */
const the = appWithUsers(['alice']);
let aliceIdToken: string;
beforeAll(async () => {
  const login = await new ApiClient(the.app.url).post<{ idToken: string }>('/api/auth/login', {
    email: the.alice.email,
    password: PASSWORD,
  });
  aliceIdToken = login.body.idToken;
});

describe('Bearer access tokens', () => {
  const bearer = (token: string) => new ApiClient(the.app.url, { authorization: `Bearer ${token}` });
  /** Claims of a genuine cognito-local access token for Alice, with `overrides`. */
  const claims = (overrides: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return {
      ...decodePayload(the.alice.accessToken),
      iat: now - 60,
      auth_time: now - 60,
      exp: now + 3600,
      ...overrides,
    };
  };

  it('when the token is genuine, then it is accepted on protected routes', async () => {
    expect((await bearer(the.alice.accessToken).get('/api/auth/me')).status).toBe(200);
    expect((await bearer(the.alice.accessToken).get('/api/assessments')).status).toBe(200);
  });

  it('when a token is minted with the stand-in key and valid claims, then it is accepted (so the forgeries below fail for their flaw alone)', async () => {
    expect((await bearer(signJwt(claims(), cognitoLocalKey())).get('/api/auth/me')).status).toBe(200);
  });

  it('when the signature is tampered with, then 401', async () => {
    expectProblem(await bearer(tamperSignature(the.alice.accessToken)).get('/api/auth/me'), 401);
  });

  it('when the payload is changed but the signature kept, then 401', async () => {
    const bob = await registerAndLogin(the.app.url, 'victim');
    const forged = tamperPayload(the.alice.accessToken, { sub: decodePayload(bob.accessToken).sub });
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
    const noneWithSig = `${unsignedJwt(claims())}${the.alice.accessToken.split('.')[2]}`;
    expectProblem(await bearer(noneWithSig).get('/api/auth/me'), 401);
  });

  it('when the token comes from another issuer, then 401', async () => {
    const otherPool = signJwt(
      claims({ iss: `${the.app.cognito.endpoint}/us-east-1_Attacker` }),
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
      `Bearer ${tamperSignature(the.alice.accessToken)}`,
    ]) {
      expectProblem(await the.alice.client.get('/api/auth/me', { authorization: header }), 401);
    }
  });
});
