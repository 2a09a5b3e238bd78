import type { Case } from './catalogue';
import { bearer } from './catalogue';

/** Logins that signed out (issue 13, finding 3), and the cookie's scope over HTTPS (finding 5). */
export const signedOutCases: Record<string, Case[]> = {
  'signed-out logins': [
    {
      when: 'an access token is used after its login signed out with the cookie',
      status: 401,
      request: bearer((c) => c.signedOutByCookie.accessToken),
    },
    {
      when: 'an access token is used after it signed itself out',
      status: 401,
      request: bearer((c) => c.signedOutByBearer),
    },
    {
      when: 'a signed-out access token asks who it is',
      status: 401,
      request: (c) => ({ ...bearer((x) => x.signedOutByBearer)(c), path: '/api/auth/me' }),
    },
    {
      when: 'the session cookie is replayed after logout',
      status: 401,
      request: (c) => ({ method: 'GET', path: '/api/assessments', cookie: c.signedOutByCookie.cookie }),
    },
  ],
  'cookie scope over HTTPS': [
    {
      when: 'the plain session cookie comes over HTTPS',
      status: 401,
      request: () => ({ method: 'GET', path: '/api/auth/me', headers: { 'x-forwarded-proto': 'https' } }),
    },
    {
      when: 'the plain session cookie autosaves over HTTPS',
      status: 401,
      request: (c) => ({
        method: 'PUT',
        path: `/api/assessments/${c.aDraft}/responses`,
        body: { responses: { x: 1 } },
        headers: { 'x-forwarded-proto': 'https' },
      }),
    },
  ],
};
