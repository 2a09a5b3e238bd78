import { randomBytes } from 'node:crypto';
import { PDF } from '../../support/files';
import { answer, type Case, evil, scaleQ } from './catalogue';

/** Session cookies and cross-origin unsafe requests. */
export const sessionsCases: Record<string, Case[]> = {
  'session cookies': [
    {
      when: 'there is no cookie',
      status: 401,
      request: () => ({ method: 'GET', path: '/api/assessments', cookie: null }),
    },
    {
      when: 'the cookie is forged',
      status: 401,
      request: () => ({
        method: 'GET',
        path: '/api/assessments',
        cookie: `scalemap_session=${randomBytes(32).toString('base64url')}`,
      }),
    },
    {
      when: 'the session has expired',
      status: 401,
      request: (c) => ({ method: 'GET', path: '/api/assessments', cookie: c.expiredSessionCookie }),
    },
    {
      when: 'an expired session autosaves',
      status: 401,
      request: (c) => ({ ...answer(scaleQ, 2)(c), cookie: c.expiredSessionCookie }),
    },
    {
      when: 'the cookie holds a path and quotes',
      status: 401,
      request: () => ({ method: 'GET', path: '/api/auth/me', cookie: 'scalemap_session="../../etc/passwd"' }),
    },
    {
      when: 'a __Host- cookie is forged',
      status: 401,
      request: () => ({
        method: 'GET',
        path: '/api/auth/me',
        cookie: `__Host-scalemap_session=${randomBytes(32).toString('base64url')}`,
      }),
    },
    {
      when: 'a valid cookie comes with a broken Authorization header',
      status: 401,
      request: (c) => ({
        method: 'GET',
        path: '/api/auth/me',
        headers: { authorization: `Bearer ${c.a.accessToken} extra` },
      }),
    },
  ],
  'cross-origin unsafe requests with a cookie': [
    {
      when: 'another origin autosaves',
      status: 403,
      request: evil('PUT', (c) => `/api/assessments/${c.aDraft}/responses`, { responses: { [scaleQ]: 1 } }),
    },
    {
      when: 'another origin submits',
      status: 403,
      request: evil('POST', (c) => `/api/assessments/${c.aDraft}/submit`),
    },
    {
      when: 'another origin creates an assessment',
      status: 403,
      request: evil('POST', () => '/api/assessments', {}),
    },
    {
      when: 'another origin asks for an upload slot',
      status: 403,
      request: evil('POST', (c) => `/api/assessments/${c.aDraft}/documents`, {
        fileName: 'a.pdf',
        contentType: PDF,
        sizeBytes: 10,
      }),
    },
    {
      when: 'another origin logs the user out',
      status: 403,
      request: evil('POST', () => '/api/auth/logout'),
    },
    {
      when: 'the origin is null (sandboxed frame)',
      status: 403,
      request: evil(
        'PUT',
        (c) => `/api/assessments/${c.aDraft}/responses`,
        { responses: { [scaleQ]: 1 } },
        'null',
      ),
    },
    {
      when: 'the origin only starts like ours',
      status: 403,
      request: (c) => evil('POST', () => '/api/assessments', {}, `${c.app.url}.evil.example`)(c),
    },
  ],
};
