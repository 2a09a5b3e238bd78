import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import serverlessExpress, { getCurrentInvoke } from '@codegenie/serverless-express';
import { type CognitoStandIn, startCognito } from '../../../container/stand-ins/cognito';
import { STAND_IN_CREDENTIALS, standInEnv } from '../../../container/stand-ins/env';
import { type S3StandIn, startS3 } from '../../../container/stand-ins/s3';
import { createApp } from '../../../functions/api/app';
import { buildDeps } from '../../../functions/api/bootstrap';
import { loadConfig } from '../../../functions/api/config';
import type { AppDeps } from '../../../functions/api/deps';
import { createInProcessPublisher } from '../../../functions/api/platform/events/events';
import type { AppMetrics } from '../../../functions/api/platform/observability/metrics';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { type EventFormat, fromLambda, type Normalized, overHttp, toEvent } from './events';
import { BOOM_EMAIL, ORIGIN, type Runtime, runtimes, table, withTestExtras } from './parity-table';

export interface ParityRun {
  /** Each runtime's answers, one per table row, in table order. */
  results: Map<Runtime, Normalized[]>;
  /** The API Gateway request id each row was sent with, per runtime. */
  requestIds: Map<Runtime, string[]>;
  /** The app wrapped as functions/api/lambda.ts wraps it. */
  lambda: (event: unknown, context: object) => Promise<unknown>;
}

/**
 * Hooks for the parity file: before its tests, one app behind an HTTP server and behind
 * serverless-express, and the whole table sent through each runtime; after them, all stopped.
 */
export function parityRun(): ParityRun {
  const run: ParityRun = { results: new Map(), requestIds: new Map(), lambda: async () => undefined };
  const { results, requestIds } = run;
  let database: TestDatabase;
  let s3: S3StandIn;
  let cognito: CognitoStandIn;
  let server: http.Server;
  let baseUrl: string;
  let dir: string;

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
    run.lambda = serverlessExpress({ app: lambdaApp }) as unknown as ParityRun['lambda'];

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
                await run.lambda(toEvent(runtime as EventFormat, spec, requestId), {
                  awsRequestId: requestId,
                }),
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
  return run;
}
