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

import { albSingleValueEvent, fromLambda } from './support/events';
import { parityRun } from './support/parity-harness';
import { comparable, type Runtime, runtimes, table, uuid } from './support/parity-table';

describe('Lambda and HTTP parity', () => {
  const run = parityRun();
  const { results, requestIds } = run;

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
    expect(fromLambda(await run.lambda(albSingleValueEvent(register), {})).status).toBe(201);
    const res = fromLambda(await run.lambda(albSingleValueEvent(login.make({ email, cookies: [] })), {}));
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
