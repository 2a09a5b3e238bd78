import { randomUUID } from 'node:crypto';
import {
  cognitoLocalKey,
  cognitoLocalPublicJwk,
  decodePayload,
  foreignKey,
  signHs256,
  signRs256,
  unsigned,
} from '../support';
import { bearer, type Case, claims, now, scaleQ, slot } from './catalogue';

/** Other users' resources and forged JSON Web Tokens. */
export const accessCases: Record<string, Case[]> = {
  "other users' resources (BOLA)": [
    {
      when: "A reads B's assessment",
      status: 404,
      request: (c) => ({ method: 'GET', path: `/api/assessments/${c.bDraft}` }),
    },
    {
      when: "A autosaves into B's assessment",
      status: 404,
      request: (c) => ({
        method: 'PUT',
        path: `/api/assessments/${c.bDraft}/responses`,
        body: { responses: { [scaleQ]: 1 } },
      }),
    },
    {
      when: "A submits B's assessment",
      status: 404,
      request: (c) => ({ method: 'POST', path: `/api/assessments/${c.bDraft}/submit` }),
    },
    {
      when: "A asks for an upload slot on B's assessment",
      status: 404,
      request: (c) => ({ ...slot({})(c), path: `/api/assessments/${c.bDraft}/documents` }),
    },
    {
      when: "A completes B's document",
      status: 404,
      request: (c) => ({ method: 'POST', path: `/api/assessments/${c.bDraft}/documents/${c.bDoc}/complete` }),
    },
    {
      when: "A downloads B's document",
      status: 404,
      request: (c) => ({ method: 'GET', path: `/api/assessments/${c.bDraft}/documents/${c.bDoc}/download` }),
    },
    {
      when: "A deletes B's document",
      status: 404,
      request: (c) => ({ method: 'DELETE', path: `/api/assessments/${c.bDraft}/documents/${c.bDoc}` }),
    },
    {
      when: "A deletes B's document through A's own assessment",
      status: 404,
      request: (c) => ({ method: 'DELETE', path: `/api/assessments/${c.aDraft}/documents/${c.bDoc}` }),
    },
    {
      when: "A reads B's assessment with a Bearer token",
      status: 404,
      request: (c) => ({
        method: 'GET',
        path: `/api/assessments/${c.bDraft}`,
        cookie: null,
        headers: { authorization: `Bearer ${c.a.accessToken}` },
      }),
    },
    {
      when: 'an assessment id does not exist',
      status: 404,
      request: () => ({ method: 'GET', path: `/api/assessments/${randomUUID()}` }),
    },
  ],
  'JSON Web Tokens': [
    {
      when: 'a token payload is swapped for another user (signature kept)',
      status: 401,
      request: bearer((c) => {
        const [h, , s] = c.a.accessToken.split('.');
        return `${h}.${Buffer.from(JSON.stringify(claims(c, { sub: decodePayload(c.b.accessToken).sub }))).toString('base64url')}.${s}`;
      }),
    },
    {
      when: 'a token signature is tampered',
      status: 401,
      request: bearer((c) => {
        const [h, p, s] = c.a.accessToken.split('.');
        return `${h}.${p}.${s!.slice(0, -4)}${s!.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
      }),
    },
    { when: 'a token has alg none', status: 401, request: bearer((c) => unsigned(c.accessClaims)) },
    {
      when: 'a token has expired',
      status: 401,
      request: bearer((c) =>
        signRs256(claims(c, { iat: now() - 7200, exp: now() - 3600 }), cognitoLocalKey()),
      ),
    },
    {
      when: 'a token is not valid yet',
      status: 401,
      request: bearer((c) => signRs256(claims(c, { nbf: now() + 3600 }), cognitoLocalKey())),
    },
    {
      when: 'a token comes from another issuer',
      status: 401,
      request: bearer((c) =>
        signRs256(
          claims(c, { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_evil' }),
          cognitoLocalKey(),
        ),
      ),
    },
    { when: 'an ID token is sent as the access token', status: 401, request: bearer((c) => c.aIdToken) },
    {
      when: 'a token was issued to another app client',
      status: 401,
      request: bearer((c) => signRs256(claims(c, { client_id: 'someone-elses-client' }), cognitoLocalKey())),
    },
    {
      when: 'a token is signed by a foreign key under the right kid',
      status: 401,
      request: bearer((c) => signRs256(c.accessClaims, foreignKey())),
    },
    {
      when: 'a token is HS256-signed with the public key (algorithm confusion)',
      status: 401,
      request: bearer((c) => signHs256(c.accessClaims, cognitoLocalPublicJwk().n)),
    },
    {
      when: 'a validly signed token names a user with no account',
      status: 401,
      request: bearer((c) =>
        signRs256(claims(c, { sub: randomUUID(), username: randomUUID() }), cognitoLocalKey()),
      ),
    },
    {
      when: 'the Authorization header is Basic',
      status: 401,
      request: (c) => ({ ...bearer(() => '')(c), headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }),
    },
    {
      when: 'the Bearer token is not a JWT',
      status: 401,
      request: (c) => ({
        ...bearer(() => '')(c),
        headers: { authorization: 'Bearer <script>alert(1)</script>' },
      }),
    },
  ],
};
