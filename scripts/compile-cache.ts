/**
 * How the image writes the compile cache it ships for the Lambda API handler (ADR 0011), defined
 * once: container/Dockerfile's runtime stage runs exactly `compileCacheCommand('/var/lang/bin/node')`
 * (tests/container/image.test.ts checks it), and the P2 bench runs it with the host's Node 24.
 */
import { execFileSync } from 'node:child_process';
import { COMPILE_CACHE_DIR } from '../functions/api/runtime/compile-cache';

/**
 * What AWS's Node.js bootstrap passes to node (container/stand-in-bases/bootstrap does the same). Of
 * these only `--expose-gc` is a V8 flag, and V8 flags are part of the cache's key; the heap sizes that
 * follow the function's memory are not.
 */
export const LAMBDA_NODE_FLAGS = ['--expose-gc', '--max-http-header-size', '81920'];

/**
 * Compiles lambda.js and every chunk (those it loads at init, and those it loads later: X-Ray, the
 * AWS clients) into ./compile-cache, then makes it readable by every uid (Node writes its files for
 * their owner only, and Lambda does not run as the uid that built the image) and exits. Evaluation
 * fails here for want of the function's environment, after each module was compiled: that is all it
 * needs.
 */
const WRITE_CACHE = [
  "import m from 'node:module';",
  "import { chmodSync, readdirSync } from 'node:fs';",
  `const dir = '${COMPILE_CACHE_DIR}';`,
  'm.enableCompileCache(dir);',
  "const files = ['./lambda.js', ...readdirSync('chunks').filter((f) => f.endsWith('.js')).sort().map((f) => './chunks/' + f)];",
  'for (const f of files) await import(f).catch(() => {});',
  'm.flushCompileCache();',
  'for (const tag of readdirSync(dir)) {',
  "chmodSync(dir + '/' + tag, 0o755);",
  "for (const f of readdirSync(dir + '/' + tag)) chmodSync(dir + '/' + tag + '/' + f, 0o644);",
  '}',
  'process.exit(0);',
].join(' ');

export function compileCacheCommand(node: string): string[] {
  return [node, '--expose-gc', '--input-type=module', '-e', WRITE_CACHE];
}

/** Writes the cache into `dir` (a runtime artifact: lambda.js and its chunks) with this Node. */
export function writeCompileCache(node: string, dir: string): void {
  const [bin, ...args] = compileCacheCommand(node);
  execFileSync(bin!, args, { cwd: dir, stdio: 'ignore', env: { PATH: process.env.PATH ?? '' } });
}
