/**
 * P2's memory figure: the built Lambda handler invoked many times in one warm process, as one
 * execution environment serves its requests one after another. The database is real (a fresh one,
 * migrated by migrate.js, the image's own migration entry); S3, Cognito and EventBridge are not
 * reached by these routes. Every 10 invocations, after a full GC, it samples RSS and the V8 heap,
 * and compares the first decile of the run with the last: a leak shows as growth there.
 *
 *   npx tsx bench/cold-start/index.ts --invocations 1000   (part of the P2 run)
 */

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createBenchDatabase, DEFAULT_ADMIN_URL } from '../lib/db';
import { runProbe } from './child';
import { ENV, NODE24, WORK } from './variants';

/** Runs in the fresh process: argv = runtime folder, invocation count. Writes JSON on fd 3. */
const DRIVER = `
const { pathToFileURL } = require('node:url');
const load = (f) => import(pathToFileURL(require('node:path').join(process.argv[2], f)).href);
const routes = [
  ['GET', '/api/questionnaire'],
  ['GET', '/api/openapi.json'],
  // A session cookie that names no session: the session lookup runs against PostgreSQL, then 401.
  ['GET', '/api/assessments', ['scalemap_session=bench-unknown-session', '__Host-scalemap_session=bench-unknown-session']],
  ['GET', '/api/no-such-route'],
];
const event = (i, [method, path, cookies]) => ({
  version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '', cookies,
  headers: { host: 'api.example.com', 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' },
  requestContext: { requestId: 'bench-' + i, http: { method, path, sourceIp: '203.0.113.7' } },
  isBase64Encoded: false,
});
(async () => {
  const n = Number(process.argv[3]);
  await (await load('migrate.js')).handler();
  const { handler } = await load('lambda.js');
  const statuses = {};
  const samples = [];
  for (let i = 0; i < n; i++) {
    const r = await handler(event(i, routes[i % routes.length]), { awsRequestId: 'bench-' + i, getRemainingTimeInMillis: () => 30000 });
    statuses[r.statusCode] = (statuses[r.statusCode] ?? 0) + 1;
    if ((i + 1) % 10 === 0) {
      globalThis.gc();
      const m = process.memoryUsage();
      samples.push({ invocations: i + 1, rss: m.rss, heapUsed: m.heapUsed, external: m.external });
    }
  }
  require('node:fs').writeSync(3, JSON.stringify({ statuses, samples }));
  process.exit(0);
})().catch((err) => { console.error(err); process.exit(1); });
`;

export interface MemorySample {
  invocations: number;
  rss: number;
  heapUsed: number;
  external: number;
}

export interface LambdaMemory {
  invocations: number;
  statuses: Record<string, number>;
  samples: MemorySample[];
  /** Medians of the first, middle and last tenth of the samples, in MB (middle → last: past warm-up). */
  first: { rssMb: number; heapMb: number };
  middle: { rssMb: number; heapMb: number };
  last: { rssMb: number; heapMb: number };
}

const mb = (bytes: number) => bytes / 1024 / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Invokes `<runtimeDir>/lambda.js` `invocations` times in one process; see the module comment. */
export async function lambdaMemory(runtimeDir: string, invocations = 1000): Promise<LambdaMemory> {
  const db = await createBenchDatabase(DEFAULT_ADMIN_URL, 'memory');
  try {
    const driver = path.join(WORK, 'memory.cjs');
    writeFileSync(driver, DRIVER);
    const { DB_HOST: _h, DB_NAME: _n, DB_USER: _u, ...env } = ENV;
    const out = await runProbe(NODE24, ['--expose-gc', driver, runtimeDir, String(invocations)], {
      env: { ...env, DATABASE_URL: db.url, DB_TLS: 'off' },
    });
    const { statuses, samples } = JSON.parse(out) as {
      statuses: Record<string, number>;
      samples: MemorySample[];
    };
    const tenth = Math.max(1, Math.floor(samples.length / 10));
    const decile = (xs: MemorySample[]) => ({
      rssMb: mb(median(xs.map((s) => s.rss))),
      heapMb: mb(median(xs.map((s) => s.heapUsed))),
    });
    return {
      invocations,
      statuses,
      samples,
      first: decile(samples.slice(0, tenth)),
      middle: decile(samples.slice(Math.floor(samples.length / 2), Math.floor(samples.length / 2) + tenth)),
      last: decile(samples.slice(-tenth)),
    };
  } finally {
    await db.drop();
  }
}
