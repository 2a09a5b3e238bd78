/**
 * X-Ray on Fargate: a segment per request, sent over UDP to the daemon, with a subsegment per traced
 * query and per AWS SDK call, and no cls-hooked namespace (its async hook ran for every promise).
 */
import dgram from 'node:dgram';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import express from 'express';
import { runWithRequestContext } from '../../../functions/api/platform/observability/logger';
import type { Tracing } from '../../../functions/api/platform/observability/tracer';

interface Doc {
  name: string;
  trace_id: string;
  id: string;
  parent_id?: string;
  http?: { response?: { status?: number } };
  subsegments?: Doc[];
}

let daemon: dgram.Socket;
let server: http.Server;
let aws: http.Server;
let url: string;
const received: Doc[] = [];
/** The trace header of each call the AWS stand-in received. */
const awsTraceHeaders: (string | undefined)[] = [];

beforeAll(async () => {
  daemon = dgram.createSocket('udp4');
  // Each datagram is a JSON header line, then the segment document.
  daemon.on('message', (m) => received.push(JSON.parse(m.toString().split('\n')[1]!) as Doc));
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
  process.env.AWS_XRAY_DAEMON_ADDRESS = `127.0.0.1:${daemon.address().port}`;
  aws = http.createServer((req, res) => {
    awsTraceHeaders.push(req.headers['x-amzn-trace-id'] as string | undefined);
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] }));
  });
  await new Promise<void>((resolve) => aws.listen(0, '127.0.0.1', resolve));

  const { createTracing } = await import('../../../functions/api/platform/observability/tracer');
  const tracing: Tracing = createTracing({ mode: 'fargate', serviceName: 'scalemap-test', enabled: true });
  const events = tracing.captureClient(
    new EventBridgeClient({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${(aws.address() as AddressInfo).port}`,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    }),
  );
  const app = express();
  app.use((_req, _res, next) => runWithRequestContext({ keys: {}, correlationId: 'c-1' }, () => next()));
  app.use(tracing.middleware);
  app.get('/work', async (_req, res) => {
    const rows = await tracing.trace('## db.query', async () => [1, 2]);
    await events.send(new PutEventsCommand({ Entries: [{ Source: 's', DetailType: 'd', Detail: '{}' }] }));
    res.status(201).json({ rows: rows.length });
  });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await new Promise((resolve) => aws?.close(resolve));
  daemon?.close();
});

it('when a sampled request runs a query and an AWS call, then its segment reaches the daemon with both subsegments, without cls-hooked', async () => {
  // A forced sampling decision, as an upstream that sampled the trace would send.
  const traceId = '1-5f84c7a1-0123456789abcdef01234567';
  const res = await fetch(`${url}/work`, { headers: { 'x-amzn-trace-id': `Root=${traceId};Sampled=1` } });
  expect(res.status).toBe(201);
  for (let i = 0; i < 50 && !received.some((d) => d.trace_id === traceId); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const segment = received.find((d) => d.trace_id === traceId);
  expect(segment).toEqual(expect.objectContaining({ name: 'scalemap-test', http: expect.anything() }));
  expect(segment?.http?.response?.status).toBe(201);
  expect(segment?.subsegments?.map((s) => s.name).sort()).toEqual(['## db.query', 'EventBridge']);
  const namespaces = (process as unknown as { namespaces?: Record<string, unknown> }).namespaces ?? {};
  expect(namespaces.AWSXRay).toBeFalsy();
});

it('when a request is not sampled, then nothing reaches the daemon and the work still runs', async () => {
  const traceId = '1-5f84c7a1-fedcba9876543210fedcba98';
  const calls = awsTraceHeaders.length;
  const res = await fetch(`${url}/work`, { headers: { 'x-amzn-trace-id': `Root=${traceId};Sampled=0` } });
  expect(await res.json()).toEqual({ rows: 2 });
  // The AWS call still carries the trace on, marked unsampled, with a parent id of its own.
  expect(awsTraceHeaders.slice(calls)).toEqual([
    expect.stringMatching(new RegExp(`^Root=${traceId};Parent=[0-9a-f]{16};Sampled=0`)),
  ]);
  await new Promise((r) => setTimeout(r, 200));
  expect(received.some((d) => d.trace_id === traceId)).toBe(false);
});

it('when the caller asks for the decision (Sampled=?), then the response carries it and one segment at most', async () => {
  const traceId = '1-5f84c7a1-00112233445566778899aabb';
  const res = await fetch(`${url}/work`, { headers: { 'x-amzn-trace-id': `Root=${traceId};Sampled=?` } });
  expect(res.headers.get('x-amzn-trace-id')).toMatch(new RegExp(`^Root=${traceId};Sampled=[01]$`));
  const sampled = res.headers.get('x-amzn-trace-id')!.endsWith('1');
  for (let i = 0; i < 50 && sampled && !received.some((d) => d.trace_id === traceId); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(received.filter((d) => d.trace_id === traceId)).toHaveLength(sampled ? 1 : 0);
});
