/**
 * X-Ray on Lambda loads on the first sampled invocation: an unsampled cold start never reads the SDK,
 * Powertools Tracer or the modules they pull in. Once loaded, every request goes through it, and AWS
 * clients made before it are captured on their next call. A failed load never fails a request.
 */
import type { Request, Response } from 'express';
import type { Tracing } from '../../../functions/api/platform/observability/tracer';

const TRACER = '../../../functions/api/platform/observability/tracer';
const XRAY = '../../../functions/api/platform/observability/xray';

interface Fake {
  loads: number;
  fail: boolean;
  /** The loaded middleware throws instead of calling next. */
  throws: boolean;
  middleware: string[];
  captured: unknown[];
}

/** createTracing for Lambda, with xray.ts replaced by a fake that records what reaches it. */
function lambdaTracing(): { tracing: Tracing; fake: Fake } {
  const fake: Fake = { loads: 0, fail: false, throws: false, middleware: [], captured: [] };
  let tracing: Tracing | undefined;
  jest.isolateModules(() => {
    jest.doMock(XRAY, () => {
      fake.loads++;
      if (fake.fail) throw new Error('chunk missing');
      return {
        createXRayTracing: (): Tracing => ({
          enabled: true,
          captureClient: (c) => {
            fake.captured.push(c);
            return c;
          },
          trace: (_name, fn) => fn(),
          middleware: (req, _res, next) => {
            if (fake.throws) throw new Error('segment failed');
            fake.middleware.push(req.path);
            next();
          },
        }),
      };
    });
    const { createTracing } = require(
      TRACER,
    ) as typeof import('../../../functions/api/platform/observability/tracer');
    tracing = createTracing({ mode: 'lambda', serviceName: 'scalemap-test', enabled: true });
  });
  return { tracing: tracing!, fake };
}

/** Runs the middleware for one request with this invocation's trace header; resolves with what it passed to next. */
function request(tracing: Tracing, path: string, traceHeader?: string): Promise<unknown> {
  if (traceHeader === undefined) delete process.env._X_AMZN_TRACE_ID;
  else process.env._X_AMZN_TRACE_ID = traceHeader;
  return new Promise((resolve) =>
    tracing.middleware({ path } as Request, {} as Response, (err?: unknown) => resolve(err)),
  );
}

const SAMPLED = 'Root=1-5f84c7a1-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1';
const UNSAMPLED = 'Root=1-5f84c7a1-0123456789abcdef01234568;Parent=53995c3f42cd8ad8;Sampled=0';

afterEach(() => {
  delete process.env._X_AMZN_TRACE_ID;
  jest.dontMock(XRAY);
  // The tracer loads xray.ts after isolateModules returns, into the shared registry: start clean.
  jest.resetModules();
});

it('when invocations are unsampled or carry no trace header, then X-Ray is never loaded and the requests go on', async () => {
  const { tracing, fake } = lambdaTracing();
  await request(tracing, '/a');
  await request(tracing, '/b', UNSAMPLED);
  expect(fake.loads).toBe(0);
  expect(fake.middleware).toEqual([]);
  expect(tracing.enabled).toBe(true);
  expect(await tracing.trace('## db.query', async () => 42)).toBe(42);
});

it('when the first sampled invocation arrives, then X-Ray loads once and traces it, and every later request goes through it', async () => {
  const { tracing, fake } = lambdaTracing();
  await request(tracing, '/cold', UNSAMPLED);
  await request(tracing, '/sampled', SAMPLED);
  await request(tracing, '/later', UNSAMPLED);
  expect(fake.loads).toBe(1);
  // After the load the SDK decides per invocation (it reads the same header).
  expect(fake.middleware).toEqual(['/sampled', '/later']);
});

it('when an AWS client was made before X-Ray loaded, then it is captured on its first call after, once', async () => {
  const { tracing, fake } = lambdaTracing();
  const sent: string[] = [];
  const client = { send: async (command: string) => sent.push(command) };
  expect(tracing.captureClient(client)).toBe(client);
  await client.send('before');
  expect(fake.captured).toEqual([]);
  await request(tracing, '/sampled', SAMPLED);
  await client.send('after');
  await client.send('again');
  expect(fake.captured).toEqual([client]);
  expect(sent).toEqual(['before', 'after', 'again']);
});

it('when X-Ray fails to load, then the sampled request is served untraced and the next sampled one retries', async () => {
  const { tracing, fake } = lambdaTracing();
  fake.fail = true;
  await request(tracing, '/first', SAMPLED);
  expect(fake.middleware).toEqual([]);
  fake.fail = false;
  await request(tracing, '/second', SAMPLED);
  expect(fake.loads).toBe(2);
  expect(fake.middleware).toEqual(['/second']);
});

it('when the loaded middleware throws, then the error reaches Express through next, not an unhandled rejection', async () => {
  const { tracing, fake } = lambdaTracing();
  fake.throws = true;
  const passed = await request(tracing, '/sampled', SAMPLED);
  expect(passed).toEqual(new Error('segment failed'));
});
