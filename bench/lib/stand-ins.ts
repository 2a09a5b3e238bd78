/**
 * The S3 (s3rver) and Cognito (cognito-local) stand-ins in their own process, so their CPU is not
 * billed to the server under test (in production they are AWS services). Announces its endpoints.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCognito } from '../../container/stand-ins/cognito';
import { startS3 } from '../../container/stand-ins/s3';
import { serveChild } from './protocol';

export const BENCH_BUCKET = 'scalemap-bench-documents';

serveChild(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-bench-stand-ins-'));
  const [s3, cognito] = await Promise.all([
    // The load drivers upload with fetch, not from a browser page, so no CORS origin is needed.
    startS3({ dataDir: path.join(dataDir, 's3'), bucket: BENCH_BUCKET, allowedOrigins: [] }),
    startCognito({ dataDir: path.join(dataDir, 'cognito') }),
  ]);
  return {
    url: s3.endpoint,
    info: {
      s3Endpoint: s3.endpoint,
      bucket: s3.bucket,
      cognitoEndpoint: cognito.endpoint,
      userPoolId: cognito.userPoolId,
      clientId: cognito.clientId,
    },
    async stop() {
      try {
        await Promise.allSettled([s3.stop(), cognito.stop()]);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
});
