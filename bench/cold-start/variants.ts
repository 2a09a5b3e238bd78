/**
 * The processes P2 compares (bench/cold-start/index.ts): a probe that loads one handler in a fresh
 * Node 24 and invokes it once, the handlers it loads, and the environment they run with.
 */

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { paperCloudEnvFor } from '../../container/stand-ins/env';
import { bundle, ROOT } from '../../scripts/build';
import { LAMBDA_NODE_FLAGS } from '../../scripts/compile-cache';
import { runProbe } from './child';

export const NODE24 = path.join(ROOT, 'node_modules/.bin/node');
export const WORK = path.join(ROOT, 'dist/bench-cold-start');

export interface Sample {
  importMs: number;
  invokeMs: number;
  totalMs: number;
  /** From process start (Node's time origin) to the first response. */
  sinceStartMs: number;
  /** The process's CPU time (user + system) from its start to the first response. */
  cpuMs: number;
  status: number;
}

export interface Variant {
  name: string;
  file: string;
  path: string;
  env?: Record<string, string>;
}

/**
 * Loads the handler with import(), as the runtime interface client loads an ES module handler,
 * invokes it once with an HTTP API v2 event, and reports timings and the process's CPU time on fd 3.
 */
export const PROBE = `
const t0 = performance.now();
import(require('node:url').pathToFileURL(process.argv[2]).href).then(({ handler }) => {
const t1 = performance.now();
const event = {
  version: '2.0', routeKey: '$default', rawPath: process.argv[3], rawQueryString: '',
  headers: { host: 'api.example.com', 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' },
  requestContext: { requestId: 'bench-request-0001', http: { method: 'GET', path: process.argv[3], sourceIp: '203.0.113.7' } },
  isBase64Encoded: false,
};
const context = { awsRequestId: 'bench-0001', getRemainingTimeInMillis: () => 30000 };
return Promise.resolve(handler(event, context)).then((r) => {
  const t2 = performance.now();
  const cpu = process.cpuUsage();
  require('node:fs').writeSync(3, JSON.stringify({ importMs: t1 - t0, invokeMs: t2 - t1, totalMs: t2 - t0, sinceStartMs: t2, cpuMs: (cpu.user + cpu.system) / 1000, status: r.statusCode }));
  process.exit(0);
});
});
`;

/** The floor: Express 5 with one route behind serverless-express, as small as a Lambda API gets. */
const BARE = `
import serverlessExpress from '@codegenie/serverless-express';
import express from 'express';
const app = express();
app.get('/api/hello', (_req, res) => { res.json({ hello: 'world' }); });
export const handler = serverlessExpress({ app });
`;

/** Enough config for init to pass; nothing is reached by the measured request. */
export const ENV: Record<string, string> = {
  ...paperCloudEnvFor('https://app.example.com'),
  // What Lambda always sets (Powertools reads them).
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
  AWS_LAMBDA_FUNCTION_NAME: 'scalemap-api',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The API's source transpiled file by file (no bundling): what running from source costs. */
export async function transpileUnbundled(out: string): Promise<string> {
  await build({
    absWorkingDir: ROOT,
    // lambda.ts awaits at its top level, which CommonJS cannot: the wrapper below stands in for it.
    entryPoints: tsFiles(path.join(ROOT, 'functions')).filter((f) => !f.endsWith('functions/api/lambda.ts')),
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
  writeFileSync(
    path.join(out, 'functions/api/lambda.js'),
    "exports.handler = require('./lambda-handler.js').createLambdaHandler();\n",
  );
  return path.join(out, 'functions/api/lambda.js');
}

export async function probe(variant: Variant): Promise<Sample> {
  // Node started as Lambda's bootstrap starts it (its V8 flags key the compile cache).
  const args = [...LAMBDA_NODE_FLAGS, path.join(WORK, 'probe.cjs'), variant.file, variant.path];
  const result = await runProbe(NODE24, args, {
    cwd: path.dirname(variant.file),
    env: { ...ENV, ...variant.env },
  }).catch((err: Error) => {
    throw new Error(`${variant.name} failed (${err.message})`);
  });
  return JSON.parse(result) as Sample;
}

/**
 * The bare hello world, both ways: bundled by the production bundle's own `bundle()` (ES modules,
 * same plugins, same minification) and as plain unbundled ESM loading node_modules. Returns the
 * handler files.
 */
export async function buildBare(): Promise<{ bundled: string; unbundled: string }> {
  const dir = path.join(WORK, 'bare');
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  // Inside the repo (dist/), so bare imports resolve against node_modules.
  writeFileSync(path.join(dir, 'src/hello.mjs'), BARE);
  await bundle({
    entryPoints: { [path.join(dir, 'src/hello.mjs')]: 'hello' },
    outdir: path.join(dir, 'bundled'),
  });
  writeFileSync(path.join(dir, 'bundled/package.json'), '{"type":"module"}\n');
  return { bundled: path.join(dir, 'bundled/hello.js'), unbundled: path.join(dir, 'src/hello.mjs') };
}

/**
 * An invocation X-Ray sampled: the trace header Lambda sets for it, and the daemon address (nothing
 * listens there; the SDK sends over UDP and does not wait). X-Ray loads during this invocation.
 */
export function sampledInvocation(taskRoot: string): Record<string, string> {
  return {
    LAMBDA_TASK_ROOT: taskRoot,
    AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
    _X_AMZN_TRACE_ID: 'Root=1-5f84c7a1-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1',
  };
}
