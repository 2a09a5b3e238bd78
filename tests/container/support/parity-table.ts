import express, { type Express } from 'express';
import { PASSWORD } from '../../support/client';
import type { Normalized, RequestSpec } from './events';

/** The parity suite's table: the requests every runtime gets, and what may differ in the answers. */

export const ORIGIN = 'https://app.scalemap.example';
export const BOOM_EMAIL = 'boom@example.com';
export const runtimes = ['http', 'v2', 'v1', 'alb'] as const;
export type Runtime = (typeof runtimes)[number];

/** Test-only extras around the real app: a second cookie on login, and a view of `req.query`. */
export function withTestExtras(app: Express): Express {
  const outer = express();
  outer.disable('x-powered-by');
  outer.use((req, res, next) => {
    if (req.path === '/api/auth/login') {
      res.cookie('scalemap_theme', 'dark', { sameSite: 'strict', secure: true, path: '/' });
    }
    if (Object.keys(req.query).length) res.setHeader('x-test-query', JSON.stringify(req.query));
    next();
  });
  outer.use(app);
  return outer;
}

/** One step of the table; `make` builds the request for a runtime (each registers its own user). */
export interface Row {
  name: string;
  make(ctx: { email: string; cookies: string[] }): RequestSpec;
}

const json = (body: unknown) => JSON.stringify(body);
const jsonHeaders = { 'content-type': 'application/json', origin: ORIGIN };

export const table: Row[] = [
  {
    name: 'JSON POST (register)',
    make: ({ email }) => ({
      method: 'POST',
      path: '/api/auth/register',
      headers: jsonHeaders,
      body: json({ email, password: PASSWORD, companyName: 'Acme Scale Ltd', industry: 'Software' }),
    }),
  },
  {
    name: 'two Set-Cookie headers (login)',
    make: ({ email }) => ({
      method: 'POST',
      path: '/api/auth/login',
      headers: jsonHeaders,
      body: json({ email, password: PASSWORD }),
    }),
  },
  {
    name: 'cookie-authenticated GET',
    make: ({ cookies }) => ({ method: 'GET', path: '/api/auth/me', cookies }),
  },
  {
    name: 'cookie-authenticated JSON POST',
    make: ({ cookies }) => ({
      method: 'POST',
      path: '/api/assessments',
      cookies,
      headers: jsonHeaders,
      body: '{}',
    }),
  },
  {
    name: 'repeated query keys',
    make: () => ({
      method: 'GET',
      path: '/api/questionnaire',
      query: [
        ['domain', 'people'],
        ['domain', 'risk & compliance'],
        ['q', 'a+b=c'],
      ],
    }),
  },
  { name: 'unknown route under /api', make: () => ({ method: 'GET', path: '/api/no-such-route' }) },
  { name: 'unknown route outside /api', make: () => ({ method: 'GET', path: '/no-such-page' }) },
  {
    name: 'thrown error',
    make: () => ({
      method: 'POST',
      path: '/api/auth/register',
      headers: jsonHeaders,
      body: json({ email: BOOM_EMAIL, password: PASSWORD, companyName: 'Acme', industry: 'Software' }),
    }),
  },
  {
    name: 'oversized body',
    make: () => ({
      method: 'POST',
      path: '/api/auth/register',
      headers: jsonHeaders,
      body: json({ email: 'big@example.com', padding: 'x'.repeat(120 * 1024) }),
    }),
  },
  {
    name: 'incoming x-correlation-id',
    make: () => ({
      method: 'GET',
      path: '/api/no-such-route',
      headers: { 'x-correlation-id': 'parity-corr-0001' },
    }),
  },
];

/** Headers whose values must match across runtimes. */
export const compared = [
  'content-type',
  'cache-control',
  'content-security-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-expose-headers',
  'x-test-query',
];

export const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Blanks what legitimately differs per request: ids, tokens, e-mails, cookie values and dates. */
export function comparable(r: Normalized, keepCorrelation: boolean) {
  let body: unknown = r.body;
  try {
    body = JSON.parse(r.body, (key, value) => {
      if (key === 'correlationId' && !keepCorrelation) return '<correlation>';
      if (['accessToken', 'idToken', 'userId', 'id', 'email', 'createdAt', 'updatedAt'].includes(key))
        return `<${key}>`;
      if (key === 'detail' && typeof value === 'string') return value.replace(uuid, '<uuid>');
      return value;
    });
  } catch {
    // not JSON: compared as text
  }
  const names = keepCorrelation ? [...compared, 'x-correlation-id'] : compared;
  const headers = Object.fromEntries(
    names.filter((h) => r.headers[h] !== undefined).map((h) => [h, r.headers[h]]),
  );
  const setCookies = r.setCookies
    .map((c) => c.replace(/^([^=]+)=[^;]*/, '$1=<value>').replace(/Expires=[^;]+/i, 'Expires=<date>'))
    .sort();
  return { status: r.status, headers, setCookies, body };
}
