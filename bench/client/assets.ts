import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const run$ = promisify(execFile);

export interface Asset {
  file: string;
  kind: 'initial' | 'lazy';
  type: 'js' | 'css';
  bytes: number;
  gzip: number;
  brotli: number;
}

/** Builds the client into a private folder (so a build by someone else in client/dist is untouched). */
export async function buildClient(outDir: string): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  await run$(
    path.resolve('node_modules/.bin/vite'),
    ['build', '--config', 'client/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    // An inherited NODE_ENV other than production would bundle React's development build.
    { maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } },
  );
}

/** Asset sizes; "initial" = the entry script, its modulepreloads and stylesheets in index.html. */
export function measureAssets(outDir: string): Asset[] {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const referenced = new Set(
    [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1]!).map((p) => path.basename(p)),
  );
  const dir = path.join(outDir, 'assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((file) => {
      const buf = readFileSync(path.join(dir, file));
      return {
        file,
        kind: referenced.has(file) ? 'initial' : 'lazy',
        type: file.endsWith('.js') ? 'js' : 'css',
        bytes: buf.length,
        gzip: gzipSync(buf).length,
        brotli: brotliCompressSync(buf).length,
      } satisfies Asset;
    })
    .sort((a, b) => (a.kind === b.kind ? b.gzip - a.gzip : a.kind === 'initial' ? -1 : 1));
}
