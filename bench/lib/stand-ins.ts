/**
 * The S3 (s3rver) and Cognito (cognito-local) stand-ins in their own process, so their CPU is not
 * billed to the server under test (in production they are AWS services). For the production bundle
 * it also sinks X-Ray segments (UDP, as the daemon sidecar would) and answers EventBridge PutEvents.
 * Announces its endpoints.
 */

import { randomUUID } from 'node:crypto';
import dgram from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startCognito } from '../../container/stand-ins/cognito';
import { startS3 } from '../../container/stand-ins/s3';
import { listenOnLoopback } from './listen';
import { serveChild } from './protocol';

export const BENCH_BUCKET = 'scalemap-bench-documents';

/** A PutEvents stand-in: accepts every entry (awsJson1_1: POST / with X-Amz-Target). */
async function startEventBridge(): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let entries = 1;
      try {
        entries =
          (JSON.parse(Buffer.concat(chunks).toString()) as { Entries?: unknown[] }).Entries?.length ?? 1;
      } catch {
        // not JSON; answer one entry
      }
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(
        JSON.stringify({
          FailedEntryCount: 0,
          Entries: Array.from({ length: entries }, () => ({ EventId: randomUUID() })),
        }),
      );
    });
  });
  const { url, stop } = await listenOnLoopback(server);
  return { endpoint: url, stop };
}

/** Where the X-Ray SDK sends segments; they are received and dropped. */
async function startXraySink(): Promise<{ address: string; stop(): Promise<void> }> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', () => {});
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

serveChild(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-bench-stand-ins-'));
  const [s3, cognito, events, xray] = await Promise.all([
    // The load drivers upload with fetch, not from a browser page, so no CORS origin is needed.
    startS3({ dataDir: path.join(dataDir, 's3'), bucket: BENCH_BUCKET, allowedOrigins: [] }),
    startCognito({ dataDir: path.join(dataDir, 'cognito') }),
    startEventBridge(),
    startXraySink(),
  ]);
  return {
    url: s3.endpoint,
    info: {
      s3Endpoint: s3.endpoint,
      bucket: s3.bucket,
      cognitoEndpoint: cognito.endpoint,
      userPoolId: cognito.userPoolId,
      clientId: cognito.clientId,
      eventBridgeEndpoint: events.endpoint,
      xrayDaemonAddress: xray.address,
    },
    async stop() {
      try {
        await Promise.allSettled([s3.stop(), cognito.stop(), events.stop(), xray.stop()]);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
});
