/** The esbuild plugins of the production bundle: production dependencies only, and library data left out. */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { ROOT } from './build-manifest';

interface LockEntry {
  dev?: boolean;
}

const builtins = new Set(builtinModules);

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** package-lock's key for the package a resolved file belongs to (`node_modules/a/node_modules/b`). */
function lockKey(root: string, file: string): string | undefined {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const at = rel.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const rest = rel.slice(at + 'node_modules/'.length);
  return rel.slice(0, at + 'node_modules/'.length) + packageName(rest);
}

/**
 * Makes the bundle hold exactly what `npm ci --omit=dev` would install, and fails the build when a
 * production entry imports a devDependency: without this, a stray import of a local stand-in would
 * crash the container at start, as it once did.
 * - Our own code may import only packages listed in `dependencies`.
 * - A package inside node_modules that reaches a dev-only package (package-lock marks it `dev: true`)
 *   gets what production gets: a module that throws MODULE_NOT_FOUND. Libraries only do that for
 *   optional extras inside try/catch (debug → supports-color); a hard require fails the smoke test.
 */
export function productionOnly(root = ROOT, absent: Set<string> = new Set()): Plugin {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const prod = new Set(Object.keys(pkg.dependencies ?? {}));
  const dev = new Set(Object.keys(pkg.devDependencies ?? {}));
  return {
    name: 'production-only',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === 'checked') return undefined;
        if (args.path.startsWith('node:') || builtins.has(args.path)) return undefined;
        const name = packageName(args.path);
        const fromOurCode = !args.importer.split(path.sep).includes('node_modules');
        if (fromOurCode && !prod.has(name)) {
          const what = dev.has(name) ? 'a devDependency' : 'not in package.json dependencies';
          return { errors: [{ text: `production entry imports "${name}", which is ${what}` }] };
        }
        const resolved = await b.resolve(args.path, {
          importer: args.importer,
          resolveDir: args.resolveDir,
          kind: args.kind,
          pluginData: 'checked',
        });
        if (resolved.errors.length > 0 || resolved.external) return undefined;
        const key = lockKey(root, resolved.path);
        if (!key || !lock.packages[key]?.dev) return undefined;
        if (fromOurCode) {
          return { errors: [{ text: `production entry reaches "${name}" (${key}), a dev-only package` }] };
        }
        absent.add(`${name} (from ${lockKey(root, args.importer) ?? args.importer})`);
        return { path: args.path, namespace: 'absent-in-production' };
      });
      b.onLoad({ filter: /.*/, namespace: 'absent-in-production' }, (args) => ({
        contents: `throw Object.assign(new Error(${JSON.stringify(`Cannot find module '${args.path}'`)}), { code: 'MODULE_NOT_FOUND' });`,
        loader: 'js',
      }));
    },
  };
}

/**
 * Library data our code provably never loads, left out of the bundle to cut its size and parse time.
 * Each stands in for a file; reaching a `throw` stub is a bug this list must then answer for.
 */
export const unreachable: { file: RegExp; why: string; contents: string }[] = [
  {
    file: /node_modules[\\/]iconv-lite[\\/]encodings[\\/]tables[\\/][^\\/]+\.json$/,
    why: 'CJK code tables: body-parser decodes JSON bodies only in utf-* charsets (others get a 415)',
    contents: 'throw new Error("iconv-lite CJK tables are not in this bundle (scripts/build.ts)");',
  },
  {
    file: /node_modules[\\/]iconv-lite[\\/]encodings[\\/]sbcs-data-generated\.js$/,
    why: 'single-byte code pages, for the same reason; iconv-lite then reports them as unknown',
    contents: 'module.exports = {};',
  },
  {
    file: /node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/,
    why: 'zod error messages in 40+ languages; the API answers in English (platform/zod-english.ts installs `en`)',
    contents: 'export { default as en } from "./en.js";',
  },
];

export function leaveOut(): Plugin {
  return {
    name: 'leave-out-unreachable',
    setup(b) {
      for (const { file, contents } of unreachable) {
        b.onLoad({ filter: file }, (args) => ({
          contents,
          loader: 'js',
          resolveDir: path.dirname(args.path),
        }));
      }
    },
  };
}

/**
 * Node built-ins reached through `require`, also from ES modules. An ES `import` of a built-in
 * reads every export, and node:http's lazy getters then load Node's whole fetch stack (undici):
 * about 30 ms of a cold start for nothing. `require` reads only what is used.
 */
export function builtinsByRequire(): Plugin {
  return {
    name: 'builtins-by-require',
    setup(b) {
      b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
        if (args.kind !== 'import-statement' && args.kind !== 'dynamic-import') return undefined;
        const bare = args.path.replace(/^node:/, '');
        if (!builtins.has(bare) || bare.startsWith('_')) return undefined;
        return { path: `node:${bare}`, namespace: 'builtin-by-require' };
      });
      b.onLoad({ filter: /.*/, namespace: 'builtin-by-require' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
    },
  };
}
