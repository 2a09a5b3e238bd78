/**
 * Parity: one table of requests through the HTTP server (Fargate) and through serverless-express
 * (Lambda) with API Gateway HTTP API v2, REST v1 and ALB multi-value events; status, body and the
 * headers that matter must agree.
 *
 * Differences the event formats force, and how this suite treats them:
 * - Set-Cookie: v2 returns it in `cookies[]`, v1 and ALB in `multiValueHeaders`, HTTP as repeated
 *   headers. All are read as one list. (ALB *without* multi-value headers would keep only the first
 *   cookie; the ALB target group must enable multi-value headers.)
 * - Request cookies: v2 sends them in `cookies[]`, the others in the Cookie header.
 * - Repeated query keys: v2 sends them in rawQueryString, v1 in multiValueQueryStringParameters,
 *   ALB URL-encoded in multiValueQueryStringParameters. Express must see the same `req.query`.
 * - Correlation id: without an incoming `x-correlation-id`, Lambda behind API Gateway uses its
 *   request id (so logs join up) and HTTP a fresh UUID; ids are compared only when the client sends one.
 * - `req.secure`: serverless-express's socket is always "encrypted"; the HTTP server learns https from
 *   X-Forwarded-Proto (trust proxy 2). Every request carries the edge's headers so both agree.
 * - Transport headers (date, connection, keep-alive, content-length, etag of bodies holding random
 *   ids) are not compared; nor are rate-limit counters.
 *
 * The Lambda side wraps the app exactly as functions/api/lambda.ts does (serverlessExpress({ app })
 * and `invocation` from getCurrentInvoke); the bundle itself is exercised by smoke.test.ts.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import serverlessExpress, { getCurrentInvoke } from '@codegenie/serverless-express';
import express, { type Express } from 'express';
import { type CognitoStandIn, startCognito } from '../../container/stand-ins/cognito';
import { STAND_IN_CREDENTIALS, standInEnv } from '../../container/stand-ins/env';
import { type S3StandIn, startS3 } from '../../container/stand-ins/s3';
import { createApp } from '../../functions/api/app';
import { buildDeps } from '../../functions/api/bootstrap';
import { loadConfig } from '../../functions/api/config';
import type { AppDeps } from '../../functions/api/deps';
import { createInProcessPublisher } from '../../functions/api/platform/events/events';
import type { AppMetrics } from '../../functions/api/platform/observability/metrics';
import { createTestDatabase, type TestDatabase } from '../support/database';
import {
  albSingleValueEvent,
  type EventFormat,
  fromLambda,
  type Normalized,
  overHttp,
  type RequestSpec,
  toEvent,
} from './support/events';

const ORIGIN = 'https://app.scalemap.example';
const PASSWORD = 'Correct-Horse-42';
const BOOM_EMAIL = 'boom@example.com';
const runtimes = ['http', 'v2', 'v1', 'alb'] as const;
type Runtime = (typeof runtimes)[number];

/** Test-only extras around the real app: a second cookie on login, and a view of `req.query`. */
function withTestExtras(app: Express): Express {
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
interface Row {
  name: string;
  make(ctx: { email: string; cookies: string[] }): RequestSpec;
}

const json = (body: unknown) => JSON.stringify(body);
const jsonHeaders = { 'content-type': 'application/json', origin: ORIGIN };

const table: Row[] = [
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
const compared = [
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

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Blanks what legitimately differs per request: ids, tokens, e-mails, cookie values and dates. */
function comparable(r: Normalized, keepCorrelation: boolean) {
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

describe('Lambda and HTTP parity', () => {
  let database: TestDatabase;
  let s3: S3StandIn;
  let cognito: CognitoStandIn;
  let server: http.Server;
  let baseUrl: string;
  let lambda: (event: unknown, context: object) => Promise<unknown>;
  let dir: string;
  const results = new Map<Runtime, Normalized[]>();
  const requestIds = new Map<Runtime, string[]>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-parity-'));
    const bucket = 'scalemap-parity';
    [database, s3, cognito] = await Promise.all([
      createTestDatabase(),
      startS3({ dataDir: path.join(dir, 's3'), bucket, allowedOrigins: [ORIGIN] }),
      startCognito({ dataDir: path.join(dir, 'cognito') }),
    ]);
    // Cloud-like config (trust proxy 2, non-local CSP), with local stand-ins behind it.
    const config = loadConfig(
      'lambda',
      {
        NODE_ENV: 'test',
        LOG_LEVEL: 'SILENT',
        AWS_REGION: 'us-east-1',
        DB_HOST: 'unused',
        DB_NAME: 'unused',
        DB_USER: 'unused',
        ALLOWED_ORIGINS: ORIGIN,
        ...standInEnv(s3, cognito),
        EVENT_BUS_NAME: 'unused',
        AUTH_RATE_LIMIT: '1000',
        TRACING_ENABLED: 'false',
      },
      {},
    );
    const quietMetrics: AppMetrics = { count() {}, latency() {}, flush() {} };
    const deps = buildDeps(
      config,
      {
        db: database.handle,
        events: createInProcessPublisher(),
        logger: new Logger({ serviceName: 'scalemap-parity', logLevel: 'SILENT' }),
        metrics: quietMetrics,
      },
      STAND_IN_CREDENTIALS,
    );
    // A route that throws an unexpected error: sign-up fails unexpectedly for one address.
    const identity: AppDeps['identity'] = {
      ...deps.identity,
      signUp: (email, password) =>
        email === BOOM_EMAIL
          ? Promise.reject(new Error('kaboom: internal detail'))
          : deps.identity.signUp(email, password),
    };
    const httpApp = withTestExtras(createApp({ ...deps, identity }));
    const lambdaApp = withTestExtras(
      createApp({
        ...deps,
        identity,
        invocation: () => {
          const { event } = getCurrentInvoke() as { event?: { requestContext?: { requestId?: string } } };
          return { apiRequestId: event?.requestContext?.requestId };
        },
      }),
    );
    server = http.createServer(httpApp);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    lambda = serverlessExpress({ app: lambdaApp }) as unknown as typeof lambda;

    for (const runtime of runtimes) {
      const ctx = { email: `parity-${runtime}-${Date.now()}@example.com`, cookies: [] as string[] };
      const out: Normalized[] = [];
      const ids: string[] = [];
      for (const row of table) {
        const spec = row.make(ctx);
        const requestId = `apigw-${runtime}-${ids.length}-0123456789`;
        ids.push(requestId);
        const res =
          runtime === 'http'
            ? await overHttp(baseUrl, spec)
            : fromLambda(
                await lambda(toEvent(runtime as EventFormat, spec, requestId), { awsRequestId: requestId }),
              );
        if (row.name.startsWith('two Set-Cookie')) ctx.cookies = res.setCookies.map((c) => c.split(';')[0]!);
        out.push(res);
      }
      results.set(runtime, out);
      requestIds.set(runtime, ids);
    }
  }, 120_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server?.close(() => resolve());
      server?.closeAllConnections();
    });
    await Promise.allSettled([s3?.stop(), cognito?.stop()]);
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const at = (runtime: Runtime, name: string) =>
    results.get(runtime)![table.findIndex((r) => r.name === name)]!;

  describe.each(table.map((row, index) => ({ ...row, index })))('$name', ({ name, index }) => {
    const keepCorrelation = name === 'incoming x-correlation-id';
    it.each(['v2', 'v1', 'alb'] as const)(
      'when sent as %s, then status, body and headers equal HTTP',
      (format) => {
        const expected = comparable(results.get('http')![index]!, keepCorrelation);
        // Guard against a vacuous comparison: the security headers are on every response.
        expect(Object.keys(expected.headers)).toEqual(
          expect.arrayContaining(['content-type', 'content-security-policy', 'strict-transport-security']),
        );
        expect(comparable(results.get(format)![index]!, keepCorrelation)).toEqual(expected);
      },
    );
  });

  it('when registering, then every runtime gets 201 with the e-mail it sent', () => {
    for (const runtime of runtimes) {
      const res = at(runtime, 'JSON POST (register)');
      expect(res.status).toBe(201);
      expect(JSON.parse(res.body).email).toMatch(new RegExp(`^parity-${runtime}-\\d+@example\\.com$`));
    }
  });

  it('when logging in, then every runtime returns both cookies', () => {
    for (const runtime of runtimes) {
      const res = at(runtime, 'two Set-Cookie headers (login)');
      expect(res.status).toBe(200);
      const names = res.setCookies.map((c) => c.split('=')[0]).sort();
      expect(names).toEqual(['__Host-scalemap_session', 'scalemap_theme']);
    }
  });

  it('when the session cookie comes back, then every runtime authenticates it and creates an assessment', () => {
    for (const runtime of runtimes) {
      expect(at(runtime, 'cookie-authenticated GET').status).toBe(200);
      expect(at(runtime, 'cookie-authenticated JSON POST').status).toBe(201);
    }
  });

  it('when the ALB target group lacks multi-value headers, then the second cookie is lost (so it must be on)', async () => {
    const login = table.find((r) => r.name.startsWith('two Set-Cookie'))!;
    const email = `parity-alb-single-${Date.now()}@example.com`;
    const register = table[0]!.make({ email, cookies: [] });
    expect(fromLambda(await lambda(albSingleValueEvent(register), {})).status).toBe(201);
    const res = fromLambda(await lambda(albSingleValueEvent(login.make({ email, cookies: [] })), {}));
    expect(res.status).toBe(200);
    expect(res.setCookies).toHaveLength(1);
  });

  it('when a query key repeats, then Express sees an array in every runtime', () => {
    for (const runtime of runtimes) {
      expect(JSON.parse(at(runtime, 'repeated query keys').headers['x-test-query']!)).toEqual({
        domain: ['people', 'risk & compliance'],
        q: 'a+b=c',
      });
    }
  });

  it.each([
    ['unknown route under /api', 404],
    ['unknown route outside /api', 404],
    ['thrown error', 500],
    ['oversized body', 413],
  ])('when the request is a %s, then every runtime answers %i problem+json, never HTML', (name, status) => {
    for (const runtime of runtimes) {
      const res = at(runtime, name);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = JSON.parse(res.body);
      expect(body.status).toBe(status);
      expect(body.correlationId).toBe(res.headers['x-correlation-id']);
      expect(res.body).not.toMatch(/kaboom|<html|at .*\.ts/i);
    }
  });

  it('when a client sends x-correlation-id, then every runtime echoes it in the header and the problem', () => {
    for (const runtime of runtimes) {
      const res = at(runtime, 'incoming x-correlation-id');
      expect(res.headers['x-correlation-id']).toBe('parity-corr-0001');
      expect(JSON.parse(res.body).correlationId).toBe('parity-corr-0001');
    }
  });

  it('when none is sent, then API Gateway events use their request id and ALB and HTTP a fresh one', () => {
    const row = table.findIndex((r) => r.name === 'unknown route under /api');
    for (const runtime of ['v2', 'v1'] as const) {
      expect(results.get(runtime)![row]!.headers['x-correlation-id']).toBe(requestIds.get(runtime)![row]);
    }
    for (const runtime of ['alb', 'http'] as const) {
      expect(results.get(runtime)![row]!.headers['x-correlation-id']).toMatch(uuid);
    }
  });
});
