/**
 * P2 cold start: in fresh Node 24 processes, side by side, the time to import a Lambda handler plus
 * its first invocation, for
 * - `bundled`: dist/runtime/lambda.js, as the image ships it;
 * - `bundled + source maps`: the same under NODE_OPTIONS=--enable-source-maps;
 * - `bundled + compile cache`: the same with a V8 compile cache written by one earlier run
 *   (NODE_COMPILE_CACHE), as an image could ship it; a candidate, not what the image does today;
 * - `unbundled`: the same source, transpiled file by file, loading node_modules the ordinary way;
 * - `bare`: a serverless-express hello world (Express + one route), unbundled.
 * Runs interleave, so load on the shared machine hits all variants alike; medians are reported.
 * Goal (issue 3): bundled ≤ 1.5× bare, with a bundle ≤ 2 MB. Reported, never asserted.
 *
 *   npx tsx bench/cold-start/index.ts [--runs 15]
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { buildRuntime, formatBytes, ROOT } from '../../scripts/build';

const NODE24 = path.join(ROOT, 'node_modules/.bin/node');
const WORK = path.join(ROOT, 'dist/bench-cold-start');

/** What bench/run.ts passes (a subset of its BenchOptions); all optional when run alone. */
export interface ColdStartOptions {
  quick?: boolean;
  /** Processes per variant. @default 15 (5 with quick) */
  runs?: number;
  resultsDir?: string;
  log?(message: string): void;
}

interface Sample {
  importMs: number;
  invokeMs: number;
  totalMs: number;
  /** From process start (Node's time origin) to the first response. */
  sinceStartMs: number;
  status: number;
}

interface Variant {
  name: string;
  file: string;
  path: string;
  env?: Record<string, string>;
}

/** Loads the handler, invokes it once with an HTTP API v2 event, reports timings on fd 3. */
const PROBE = `
const t0 = performance.now();
const { handler } = require(process.argv[2]);
const t1 = performance.now();
const event = {
  version: '2.0', routeKey: '$default', rawPath: process.argv[3], rawQueryString: '',
  headers: { host: 'api.example.com', 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' },
  requestContext: { requestId: 'bench-request-0001', http: { method: 'GET', path: process.argv[3], sourceIp: '203.0.113.7' } },
  isBase64Encoded: false,
};
const context = { awsRequestId: 'bench-0001', getRemainingTimeInMillis: () => 30000 };
Promise.resolve(handler(event, context)).then((r) => {
  const t2 = performance.now();
  require('node:fs').writeSync(3, JSON.stringify({ importMs: t1 - t0, invokeMs: t2 - t1, totalMs: t2 - t0, sinceStartMs: t2, status: r.statusCode }));
  process.exit(0);
});
`;

const BARE = `
const serverlessExpress = require('@codegenie/serverless-express');
const express = require('express');
const app = express();
app.get('/api/hello', (_req, res) => res.json({ hello: 'world' }));
exports.handler = serverlessExpress({ app });
`;

/** Enough config for init to pass; nothing is reached by the measured request. */
const ENV: Record<string, string> = {
  NODE_ENV: 'production',
  AWS_REGION: 'eu-west-2',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  DB_HOST: 'proxy.example.internal',
  DB_NAME: 'scalemap',
  DB_USER: 'scalemap_app',
  DOCUMENTS_BUCKET: 'scalemap-documents',
  COGNITO_USER_POOL_ID: 'eu-west-2_abc123',
  COGNITO_CLIENT_ID: 'client123',
  EVENT_BUS_NAME: 'scalemap',
  ALLOWED_ORIGINS: 'https://app.example.com',
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The API's source transpiled file by file (no bundling): what running from source costs. */
async function transpileUnbundled(out: string): Promise<string> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: tsFiles(path.join(ROOT, 'functions')),
    outbase: ROOT,
    outdir: out,
    bundle: false,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    logLevel: 'silent',
  });
  // No package.json in dist/: keep these files CommonJS without relying on detection.
  writeFileSync(path.join(out, 'package.json'), '{"type":"commonjs"}\n');
  return path.join(out, 'functions/api/lambda.js');
}

function probe(variant: Variant): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const env = { ...ENV, ...variant.env };
    const child = spawn(NODE24, [path.join(WORK, 'probe.cjs'), variant.file, variant.path], {
      cwd: path.dirname(variant.file),
      env,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let result = '';
    let stderr = '';
    child.stdio[3]!.on('data', (d) => {
      result += d;
    });
    child.stderr!.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => {
      if (code !== 0 || !result) return reject(new Error(`${variant.name} failed (${code}): ${stderr}`));
      resolve(JSON.parse(result) as Sample);
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

export async function run(options: ColdStartOptions = {}) {
  const log = options.log ?? ((m: string) => console.log(m));
  const runs = options.runs ?? (options.quick ? 5 : 15);
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(path.join(WORK, 'bare'), { recursive: true });
  writeFileSync(path.join(WORK, 'probe.cjs'), PROBE);
  writeFileSync(path.join(WORK, 'bare/hello.js'), BARE);

  log('P2 cold start: building the bundle and the unbundled copy…');
  const runtime = await buildRuntime();
  const unbundled = await transpileUnbundled(path.join(WORK, 'unbundled'));
  const bundled = path.join(runtime.outdir, 'lambda.js');
  const variants: Variant[] = [
    { name: 'bundled', file: bundled, path: '/api/questionnaire' },
    {
      name: 'bundled + source maps',
      file: bundled,
      path: '/api/questionnaire',
      env: { NODE_OPTIONS: '--enable-source-maps' },
    },
    {
      name: 'bundled + compile cache',
      file: bundled,
      path: '/api/questionnaire',
      env: { NODE_COMPILE_CACHE: path.join(WORK, 'v8-cache') },
    },
    { name: 'unbundled', file: unbundled, path: '/api/questionnaire' },
    { name: 'bare', file: path.join(WORK, 'bare/hello.js'), path: '/api/hello' },
  ];

  const samples = new Map<string, Sample[]>(variants.map((v) => [v.name, []]));
  // One warm-up round (disk cache; it also writes the compile cache), then interleaved measured rounds.
  for (const v of variants) await probe(v);
  for (let i = 0; i < runs; i++) {
    for (const v of variants) {
      const s = await probe(v);
      if (s.status !== 200) throw new Error(`${v.name} answered ${s.status}`);
      samples.get(v.name)!.push(s);
    }
  }
  rmSync(WORK, { recursive: true, force: true });

  const summary = Object.fromEntries(
    variants.map((v) => {
      const xs = samples.get(v.name)!;
      return [
        v.name,
        {
          importMs: median(xs.map((s) => s.importMs)),
          invokeMs: median(xs.map((s) => s.invokeMs)),
          totalMs: median(xs.map((s) => s.totalMs)),
          sinceStartMs: median(xs.map((s) => s.sinceStartMs)),
        },
      ];
    }),
  );
  const total = (name: string) => summary[name]!.totalMs;
  const ratios = {
    bundledVsBare: total('bundled') / total('bare'),
    unbundledVsBare: total('unbundled') / total('bare'),
    unbundledVsBundled: total('unbundled') / total('bundled'),
    sourceMapsVsBundled: total('bundled + source maps') / total('bundled'),
    compileCacheVsBare: total('bundled + compile cache') / total('bare'),
  };
  const bundleBytes = statSync(bundled).size;
  const goals = [
    {
      bench: 'P2',
      goal: 'bundled import + first invocation ≤ 1.5× bare serverless-express',
      measured: `${ratios.bundledVsBare.toFixed(2)}×`,
      met: ratios.bundledVsBare <= 1.5,
    },
    {
      bench: 'P2',
      goal: 'lambda.js ≤ 2 MB',
      measured: formatBytes(bundleBytes),
      met: bundleBytes <= 2 * 1024 * 1024,
    },
  ];
  const rows = variants.map((v) => {
    const s = summary[v.name]!;
    return `| ${v.name} | ${ms(s.importMs)} | ${ms(s.invokeMs)} | ${ms(s.totalMs)} | ${ms(s.sinceStartMs)} | ${(s.totalMs / total('bare')).toFixed(2)}× |`;
  });
  const markdown = [
    `Fresh Node ${execFileSync(NODE24, ['-v']).toString().trim()} processes, ${runs} per variant, interleaved; medians. ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}.`,
    '',
    '| variant | import | first invocation | import + first | since process start | vs bare |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Ratios (import + first invocation): bundled / bare **${ratios.bundledVsBare.toFixed(2)}×**, unbundled / bare ${ratios.unbundledVsBare.toFixed(2)}×, unbundled / bundled ${ratios.unbundledVsBundled.toFixed(2)}×, source maps on / off ${ratios.sourceMapsVsBundled.toFixed(2)}×, with a compile cache / bare ${ratios.compileCacheVsBare.toFixed(2)}×.`,
    '',
    `Bundle: lambda.js ${formatBytes(bundleBytes)}; runtime artifact ${formatBytes(runtime.total)} (${Object.entries(
      runtime.sizes,
    )
      .map(([f, b]) => `${f} ${formatBytes(b)}`)
      .join(', ')}).`,
  ].join('\n');
  const data = {
    runs,
    summary,
    ratios,
    bundleBytes,
    runtimeBytes: runtime.total,
    sizes: runtime.sizes,
    samples: Object.fromEntries(samples),
  };

  const dir = options.resultsDir ?? path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'cold-start.json'), `${JSON.stringify(data, null, 2)}\n`);
  writeFileSync(path.join(dir, 'cold-start.md'), `# P2 cold start\n\n${markdown}\n`);
  log(markdown);
  return { id: 'p2', title: 'P2 cold start', markdown, goals, data };
}

if (require.main === module) {
  const at = process.argv.indexOf('--runs');
  run({ runs: at > 0 ? Number(process.argv[at + 1]) : undefined }).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
