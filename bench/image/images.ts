/**
 * The images bench/image compares, all on the stand-in Lambda base (container/rehearse/bases.ts):
 * - the product's image (`npm run image`), as built;
 * - `hello`: a bare serverless-express hello world (Express 5, one route), bundled by esbuild with
 *   the production bundle's settings into one file, in /var/task, CMD hello.handler.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LAMBDA_BASE } from '../../container/rehearse/bases';
import { podmanStream, podmanSync, ROOT } from '../../container/rehearse/podman';
import { bundle } from '../../scripts/build';

export const HELLO_IMAGE = 'localhost/scalemap-bench/hello:latest';

const HELLO = `
import serverlessExpress from '@codegenie/serverless-express';
import express from 'express';
const app = express();
app.get('/api/questionnaire', (_req, res) => { res.json({ hello: 'world' }); });
export const handler = serverlessExpress({ app });
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
