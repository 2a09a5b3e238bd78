/**
 * The V8 compile cache the image ships for the Lambda API handler (ADR 0011). The image's build runs
 * its own Node once, with the V8 flags Lambda's bootstrap passes, compiles every chunk and writes the
 * cache to `compile-cache/<node>-<arch>-<flags hash>-<uid>/` beside the entries. Node only reads a
 * cache kept under the running uid's name, and Lambda picks the uid, so at init one link in `/tmp`,
 * named for this process's uid, points at the shipped folder, and the cache is enabled there. Node
 * checks each entry against its source, so a stale or foreign cache is a miss, never a wrong answer;
 * what it would write back (nothing, when every chunk was compiled at build) fails silently on
 * Lambda's read-only `/var/task`.
 */
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** The folder beside the entries that holds the shipped cache. */
export const COMPILE_CACHE_DIR = 'compile-cache';

export type CompileCacheState =
  /** The shipped cache matches this Node and its V8 flags: used. */
  | { state: 'shipped'; directory: string }
  /** Nothing shipped (a host build, the tests). */
  | { state: 'absent' }
  /** Shipped for another Node version or other V8 flags: everything compiles from scratch. */
  | { state: 'mismatch'; shipped: string[]; directory: string }
  /** Already enabled by someone else (NODE_COMPILE_CACHE, the image's build), disabled, or failed. */
  | { state: 'off'; reason: string };

const uidSuffix = /-\d+$/;

/** `at` → `target`, replacing anything else there (a /tmp that outlived another build). */
function link(target: string, at: string): void {
  let current: string | undefined;
  try {
    current = readlinkSync(at);
  } catch {
    current = undefined;
  }
  if (current === target) return;
  rmSync(at, { recursive: true, force: true });
  symlinkSync(target, at);
}

/**
 * Links the shipped cache into `tmp` under this uid and enables it. Never throws: a cold start
 * without the cache is only slower.
 */
export function enableShippedCompileCache(root: string, tmp = os.tmpdir()): CompileCacheState {
  try {
    const already = module.getCompileCacheDir();
    if (already) return { state: 'off', reason: `already enabled at ${already}` };
    const shipped = path.join(root, COMPILE_CACHE_DIR);
    if (!existsSync(shipped)) return { state: 'absent' };
    const uid = process.getuid?.() ?? 0;
    const linked = path.join(tmp, 'scalemap-compile-cache');
    const tags = readdirSync(shipped).filter((tag) => uidSuffix.test(tag));
    const expected = new Set<string>();
    mkdirSync(linked, { recursive: true });
    for (const tag of tags) {
      // Node reads what it can and compiles the rest without a word: an entry this uid cannot read
      // (written for its owner only) would turn the cache off silently, so say so instead.
      const [first] = readdirSync(path.join(shipped, tag));
      if (first) accessSync(path.join(shipped, tag, first), constants.R_OK);
      const at = path.join(linked, tag.replace(uidSuffix, `-${uid}`));
      expected.add(at);
      link(path.join(shipped, tag), at);
    }
    const result = module.enableCompileCache(linked);
    const directory = module.getCompileCacheDir();
    if (!directory) return { state: 'off', reason: result.message ?? 'not enabled' };
    return expected.has(directory)
      ? { state: 'shipped', directory }
      : { state: 'mismatch', shipped: tags, directory };
  } catch (err) {
    return { state: 'off', reason: err instanceof Error ? err.message : String(err) };
  }
}
