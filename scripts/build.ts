/**
 * `npm run build`: the runtime artifact (the four production entries bundled by esbuild into
 * dist/runtime, plus the drizzle migrations) and the client (Vite). Fails if either fails.
 *
 *   npm run build                   # runtime + client
 *   npm run build -- --runtime-only # runtime only (the image's build stage: client/ is not in its context)
 *
 * What dist/runtime holds is fixed by container/runtime-manifest.json, which the Dockerfile copies
 * and the container smoke test assembles, so the three cannot drift.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

export const ROOT = path.resolve(__dirname, '..');

/** container/runtime-manifest.json: what the image's runtime stage contains. */
export interface RuntimeManifest {
  buildOutput: string;
  copy: { from: string; to: string }[];
  entries: {
    source: string;
    out: string;
    kind: 'lambda' | 'server';
    handler?: string;
    command?: string[];
  }[];
  assets: { from: string; to: string }[];
  files: string[];
  externals: string[];
  /** Packages copied as node_modules because bundling cannot inline them (then list `node_modules` in files). */
  productionNodeModules: string[];
}

export function readManifest(root = ROOT): RuntimeManifest {
  return JSON.parse(readFileSync(path.join(root, 'container/runtime-manifest.json'), 'utf8'));
}

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
    why: 'zod error messages in 40+ languages; the API answers in English (zod configures `en` itself)',
    contents: 'export { default as en } from "./en.js";',
  },
];

function leaveOut(): Plugin {
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

export interface BundleOptions {
  /** Entry source → output file name (without .js). */
  entryPoints: Record<string, string>;
  outdir: string;
  root?: string;
  externals?: string[];
  /** Collects the dev-only packages that libraries reach optionally (stubbed as absent). */
  absent?: Set<string>;
}

/** esbuild with the image's settings: Node 24, CJS, minified, source maps, everything inlined. */
export async function bundle(options: BundleOptions): Promise<Metafile> {
  const root = options.root ?? ROOT;
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.entries(options.entryPoints).map(([input, out]) => ({ in: input, out })),
    outdir: options.outdir,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    // ESM builds first: the AWS SDK and friends tree-shake far better from them.
    mainFields: ['module', 'main'],
    minify: true,
    // Error names (ConfigError, HttpError subclasses) stay readable in logs.
    keepNames: true,
    sourcemap: 'linked',
    // Stack traces need the mappings, not a second copy of every source file.
    sourcesContent: false,
    legalComments: 'none',
    external: options.externals ?? [],
    plugins: [productionOnly(root, options.absent), leaveOut()],
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

function sizeOf(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.size;
  return readdirSync(p).reduce((sum, f) => sum + sizeOf(path.join(p, f)), 0);
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} kB`;
}

export interface RuntimeBuild {
  outdir: string;
  /** Bytes per top-level file or folder of the runtime artifact. */
  sizes: Record<string, number>;
  total: number;
  metafile: Metafile;
  /** Optional dev-only packages that libraries try to load; absent in production, so stubbed. */
  absent: string[];
}

/**
 * Builds the runtime artifact into a scratch folder, checks it holds exactly the manifest's files,
 * then swaps it into place, so a failed or concurrent build never leaves a half-written folder.
 */
export async function buildRuntime(root = ROOT): Promise<RuntimeBuild> {
  const manifest = readManifest(root);
  const outdir = path.join(root, manifest.buildOutput);
  const scratch = `${outdir}.tmp-${process.pid}-${Date.now()}`;
  rmSync(scratch, { recursive: true, force: true });
  try {
    const absent = new Set<string>();
    const metafile = await bundle({
      root,
      absent,
      outdir: scratch,
      externals: manifest.externals,
      entryPoints: Object.fromEntries(manifest.entries.map((e) => [e.source, e.out.replace(/\.js$/, '')])),
    });
    for (const asset of manifest.assets) {
      cpSync(path.join(root, asset.from), path.join(scratch, asset.to), { recursive: true });
    }
    // Packages esbuild cannot inline (none today) ship beside the bundles, so one COPY still suffices.
    for (const pkg of manifest.productionNodeModules) {
      cpSync(path.join(root, 'node_modules', pkg), path.join(scratch, 'node_modules', pkg), {
        recursive: true,
      });
    }
    // Explicit CommonJS: no module-type detection walk up from /var/task.
    writeFileSync(
      path.join(scratch, 'package.json'),
      `${JSON.stringify({ name: 'scalemap-runtime', private: true, type: 'commonjs' }, null, 2)}\n`,
    );
    const actual = readdirSync(scratch).sort();
    const expected = [...manifest.files].sort();
    if (actual.join() !== expected.join()) {
      throw new Error(
        `dist/runtime does not match container/runtime-manifest.json: built [${actual}], manifest [${expected}]`,
      );
    }
    const sizes = Object.fromEntries(actual.map((f) => [f, sizeOf(path.join(scratch, f))]));
    rmSync(outdir, { recursive: true, force: true });
    mkdirSync(path.dirname(outdir), { recursive: true });
    renameSync(scratch, outdir);
    writeFileSync(path.join(path.dirname(outdir), 'runtime.meta.json'), JSON.stringify(metafile));
    return { outdir, sizes, total: sizeOf(outdir), metafile, absent: [...absent].sort() };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The client is part of every release: a missing frontend once shipped, so its failure fails the build. */
function buildClient(root: string): number {
  execFileSync('npx', ['vite', 'build', '--config', 'client/vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
    // Inherited NODE_ENV (Jest sets "test") would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const dist = path.join(root, 'client/dist');
  if (!existsSync(path.join(dist, 'index.html')))
    throw new Error('client build produced no client/dist/index.html');
  return sizeOf(dist);
}

async function main(): Promise<void> {
  const runtimeOnly = process.argv.includes('--runtime-only');
  const started = Date.now();
  const runtime = await buildRuntime();
  console.log(`\n${path.relative(ROOT, runtime.outdir)}/ (${formatBytes(runtime.total)})`);
  for (const [file, bytes] of Object.entries(runtime.sizes))
    console.log(`  ${file.padEnd(18)} ${formatBytes(bytes)}`);
  if (runtime.absent.length) console.log(`  optional, absent in production: ${runtime.absent.join(', ')}`);
  if (!runtimeOnly) {
    const client = buildClient(ROOT);
    console.log(`client/dist/ (${formatBytes(client)})`);
  }
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    const failure = err as { errors?: { text: string; location?: { file: string; line: number } | null }[] };
    for (const e of failure.errors ?? []) {
      console.error(`✘ ${e.text}${e.location ? `  (${e.location.file}:${e.location.line})` : ''}`);
    }
    if (!failure.errors?.length) console.error(err);
    process.exit(1);
  });
}
