import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Context } from 'aws-lambda';
import { type CognitoStandIn, startCognito } from '../../container/stand-ins/cognito';
import { type S3StandIn, startS3 } from '../../container/stand-ins/s3';
import { createApp } from '../../functions/api/app';
import { buildDeps } from '../../functions/api/bootstrap';
import { loadConfig } from '../../functions/api/config';
import { captureStdout } from '../support/capture';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * The same request through the Lambda handler and through the HTTP server (the Fargate entry's
 * app) must log the same shape: JSON lines with the same keys and the response's correlation id.
 */
let dir: string;
let database: TestDatabase;
let s3: S3StandIn;
let cognito: CognitoStandIn;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-logs-'));
  [database, s3, cognito] = await Promise.all([
    createTestDatabase(),
    startS3({
      dataDir: path.join(dir, 's3'),
      bucket: 'logs-bucket',
      allowedOrigins: ['https://app.example.com'],
    }),
    startCognito({ dataDir: path.join(dir, 'cognito') }),
  ]);
  env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'INFO',
    AWS_REGION: 'eu-west-1',
    DB_HOST: 'db.invalid',
    DB_NAME: 'scalemap',
    DB_USER: 'app',
    DB_TLS: 'off',
    DOCUMENTS_BUCKET: 'logs-bucket',
    S3_ENDPOINT: s3.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    COGNITO_USER_POOL_ID: cognito.userPoolId,
    COGNITO_CLIENT_ID: cognito.clientId,
    COGNITO_ENDPOINT: cognito.endpoint,
    EVENT_BUS_NAME: 'scalemap-events',
    ALLOWED_ORIGINS: 'https://app.example.com',
    TRACING_ENABLED: 'false',
  };
});
afterAll(async () => {
  await Promise.allSettled([s3.stop(), cognito.stop()]);
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

type Line = Record<string, unknown>;

async function throughLambda(
  correlationId: string,
): Promise<{ header: string; lines: Line[]; metrics: Line[] }> {
  const capture = captureStdout();
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    let handler:
      | ((event: unknown, context: Context) => Promise<{ headers?: Record<string, string> }>)
      | undefined;
    jest.isolateModules(() => {
      // lambda.ts is lambda-handler.ts behind the compile cache (an ES module with top-level await).
      handler = require('../../functions/api/lambda-handler').createLambdaHandler();
    });
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/api/questionnaire',
      rawQueryString: '',
      headers: { host: 'api.example.com', 'x-correlation-id': correlationId, 'x-forwarded-proto': 'https' },
      requestContext: {
        http: {
          method: 'GET',
          path: '/api/questionnaire',
          protocol: 'HTTP/1.1',
          sourceIp: '203.0.113.9',
          userAgent: 't',
        },
        requestId: 'apigw-request-id-1',
        stage: '$default',
        timeEpoch: Date.now(),
      },
      isBase64Encoded: false,
    };
    const context = { awsRequestId: 'lambda-request-id-1', functionName: 'api' } as Context;
    const res = await handler!(event, context);
    const all = capture.lines();
    return {
      header: String(res.headers?.['x-correlation-id']),
      lines: all.filter((l) => !('_aws' in l)),
      metrics: all.filter((l) => '_aws' in l),
    };
  } finally {
    process.env = saved;
    capture.restore();
  }
}

async function throughHttp(correlationId: string): Promise<{ header: string; lines: Line[] }> {
  const config = loadConfig('fargate', env, {});
  const deps = buildDeps({ ...config, db: { ...config.db } }, { db: database.handle, taskId: 'ecs-task-1' });
  const server = http.createServer(createApp(deps));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const capture = captureStdout();
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/api/questionnaire`, {
      headers: { 'x-correlation-id': correlationId },
    });
    await res.text();
    await new Promise((r) => setTimeout(r, 20));
    return {
      header: String(res.headers.get('x-correlation-id')),
      lines: capture.lines().filter((l) => !('_aws' in l)),
    };
  } finally {
    capture.restore();
    server.close();
  }
}

describe('Log parity between Lambda and the HTTP server', () => {
  it('when the same request goes through both, then both log JSON lines with the same keys and the response’s correlation id', async () => {
    const lambda = await throughLambda('parity-lambda-0001');
    const fargate = await throughHttp('parity-fargate-0001');
    expect(lambda.header).toBe('parity-lambda-0001');
    expect(fargate.header).toBe('parity-fargate-0001');
    const access = (r: { lines: Line[] }) => r.lines.find((l) => l.message === 'request')!;
    const l = access(lambda);
    const f = access(fargate);
    expect(l).toBeDefined();
    expect(f).toBeDefined();
    for (const line of [...lambda.lines, ...fargate.lines]) {
      expect(Object.keys(line)).toEqual(
        expect.arrayContaining(['timestamp', 'level', 'message', 'service', 'correlationId']),
      );
    }
    expect(l.correlationId).toBe('parity-lambda-0001');
    expect(f.correlationId).toBe('parity-fargate-0001');
    expect(l.lambdaRequestId).toBe('lambda-request-id-1');
    expect(f.ecsTaskId).toBe('ecs-task-1');
    // Same keys, apart from the runtime's own request id.
    const keys = (line: Line, own: string) =>
      Object.keys(line)
        .filter((k) => k !== own && k !== 'durationMs')
        .sort();
    expect(keys(l, 'lambdaRequestId')).toEqual(keys(f, 'ecsTaskId'));
    expect(l.route).toBe('GET /api/questionnaire');
    expect(f.route).toBe('GET /api/questionnaire');
  });

  it('when a Lambda invocation ends, then its metrics are flushed as EMF before the handler returns', async () => {
    const lambda = await throughLambda('parity-metrics-0001');
    const latency = lambda.metrics.find((m) => m.route === 'GET /api/questionnaire');
    expect(latency).toBeDefined();
    expect(latency!.ApiLatency).toEqual(expect.any(Number));
  });

  it('when the Lambda request has no x-correlation-id, then API Gateway’s request id is used', async () => {
    const lambda = await throughLambda('x'); // too short to be valid: replaced
    expect(lambda.header).toBe('apigw-request-id-1');
  });
});
