/**
 * The images bench/image compares, all on the stand-in Lambda base (container/rehearse/bases.ts):
 * - the product's image (`npm run image`), as built;
 * - `hello`: a bare serverless-express hello world (Express 5, one route), bundled by esbuild with
 *   the production bundle's settings into one file, in /var/task, CMD hello.handler;
 * - `compile-cache`: the product's image plus a V8 compile cache written at build time
 *   (NODE_COMPILE_CACHE), a candidate that container/Dockerfile does not ship.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LAMBDA_BASE } from '../../container/rehearse/bases';
import { podmanStream, podmanSync, ROOT } from '../../container/rehearse/podman';
import { bundle } from '../../scripts/build';

export const HELLO_IMAGE = 'localhost/scalemap-bench/hello:latest';
export const CACHE_IMAGE = 'localhost/scalemap-bench/compile-cache:latest';
/** Where the candidate image keeps its cache (read-only at run time, like the rest of /var/task). */
export const CACHE_DIR = '/var/task/.node-compile-cache';

const HELLO = `
import serverlessExpress from '@codegenie/serverless-express';
import express from 'express';
const app = express();
app.get('/api/questionnaire', (_req, res) => { res.json({ hello: 'world' }); });
export const handler = serverlessExpress({ app });
`;

/**
 * Loads lambda.js as the runtime interface client does (an ES module, by import()), serves one
 * request, then writes the compile cache (run at image build).
 */
const warm = (event: unknown) => `
const mod = require('node:module');
const event = ${JSON.stringify(event)};
import('/var/task/lambda.js').then(({ handler }) => handler(event, { awsRequestId: 'warm', getRemainingTimeInMillis: () => 30000 })).then((r) => {
  if (r.statusCode !== 200) { console.error('warm-up answered', r.statusCode); process.exit(1); }
  mod.flushCompileCache();
  console.log('compile cache written to', mod.getCompileCacheDir());
  process.exit(0);
});
`;

async function podmanBuild(dir: string, tag: string, log: (l: string) => void): Promise<void> {
  await podmanStream(['build', '--pull=never', '--network=host', '-t', tag, dir], (l) => {
    if (!/^(STEP|-->|COMMIT|Successfully|[0-9a-f]{64}$)/.test(l)) log(`  ${l}`);
  });
}

/** Builds the hello-world image (seconds; podman's layer cache makes a rebuild almost free). */
export async function buildHelloImage(log: (l: string) => void): Promise<string> {
  // Inside the repo (dist/ is git-ignored), so the bundle's imports resolve against node_modules.
  mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, 'dist/.bench-hello-'));
  try {
    writeFileSync(path.join(dir, 'hello.ts'), HELLO);
    // The production bundle's own bundle() (scripts/build-bundle.ts): ES modules, same plugins.
    await bundle({
      entryPoints: { [path.join(dir, 'hello.ts')]: 'hello' },
      outdir: path.join(dir, 'ctx/task'),
    });
    writeFileSync(path.join(dir, 'ctx/task/package.json'), '{"type":"module"}\n');
    writeFileSync(
      path.join(dir, 'ctx/Containerfile'),
      [
        `FROM ${LAMBDA_BASE}`,
        'ENV NODE_ENV=production',
        'COPY task/ /var/task/',
        'CMD ["hello.handler"]',
        '',
      ].join('\n'),
    );
    await podmanBuild(path.join(dir, 'ctx'), HELLO_IMAGE, log);
    return HELLO_IMAGE;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Builds the compile-cache candidate on top of `image`: a build step runs lambda.js once (init plus
 * one GET /api/questionnaire) with NODE_COMPILE_CACHE set, so the cache holds what a cold start compiles.
 */
export async function buildCacheImage(
  image: string,
  env: Record<string, string>,
  event: unknown,
  uid: string,
  log: (l: string) => void,
): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-bench-cache-'));
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'warm.cjs'), warm(event));
    const envArgs = Object.entries(env)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(' ');
    writeFileSync(
      path.join(dir, 'Containerfile'),
      [
        `FROM ${image}`,
        `ENV NODE_COMPILE_CACHE=${CACHE_DIR}`,
        'COPY warm.cjs /opt/scalemap-bench/warm.cjs',
        // Node names the cache's folder after the uid (v24.x-x64-<hash>-<uid>), so it is written by the
        // uid that will read it; at run time the root is read-only and nothing more is written.
        `RUN mkdir -p ${CACHE_DIR} && chown ${uid} ${CACHE_DIR}`,
        `USER ${uid}`,
        `RUN env ${envArgs} node /opt/scalemap-bench/warm.cjs && ls ${CACHE_DIR} && du -sh ${CACHE_DIR}`,
        'USER root',
        '',
      ].join('\n'),
    );
    await podmanBuild(dir, CACHE_IMAGE, log);
    return CACHE_IMAGE;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every file under /var/task of an image, with its size (read from the image itself). */
export function taskFiles(image: string): { file: string; bytes: number }[] {
  const out = podmanSync([
    'run',
    '--rm',
    '--pull=never',
    '--network=none',
    '--entrypoint',
    '/usr/bin/find',
    image,
    '/var/task',
    '-type',
    'f',
    '-printf',
    '%s %P\\n',
  ]);
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [bytes, ...rest] = line.split(' ');
      return { file: rest.join(' '), bytes: Number(bytes) };
    })
    .sort((a, b) => b.bytes - a.bytes);
}
