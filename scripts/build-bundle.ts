/** esbuild with the image's settings (scripts/build.ts builds the runtime artifact with it). */
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { makeWrappersEager } from './build-eager';
import { ROOT } from './build-manifest';
import { builtinsByRequire, leaveOut, productionOnly } from './build-plugins';

export interface BundleOptions {
  /** Entry source → output file name (without .js). */
  entryPoints: Record<string, string>;
  outdir: string;
  root?: string;
  externals?: string[];
  /** Collects the dev-only packages that libraries reach optionally (stubbed as absent). */
  absent?: Set<string>;
}

/** Where the shared and lazily loaded chunks go, beside the entries (a folder the manifest lists). */
export const CHUNKS = 'chunks';

/**
 * What CommonJS code inside an ES module bundle still expects: `require` (for Node built-ins that
 * CommonJS libraries load) and `__dirname`, which stays the folder of the entries, as in the CJS
 * bundles (migrations are found beside them), also from a chunk one level down.
 */
const CJS_SHIMS = [
  "import { createRequire as __cjsRequire } from 'node:module';",
  "import { fileURLToPath as __cjsPath } from 'node:url';",
  'const require = __cjsRequire(import.meta.url);',
  'const __filename = __cjsPath(import.meta.url);',
  `const __dirname = __cjsPath(new URL(import.meta.url.includes('/${CHUNKS}/') ? '..' : '.', import.meta.url)).replace(/[\\/]$/, '');`,
].join('\n');

/**
 * esbuild with the image's settings: Node 24, ES modules split into chunks, minified, source maps,
 * everything inlined. Splitting lets a dynamic `import()` (the AWS clients) land in a chunk of its
 * own that loads on first use, while the static graph stays tree-shaken (ADR 0010).
 */
export async function bundle(options: BundleOptions): Promise<Metafile> {
  const root = options.root ?? ROOT;
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.entries(options.entryPoints).map(([input, out]) => ({ in: input, out })),
    outdir: options.outdir,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    splitting: true,
    chunkNames: `${CHUNKS}/[name]-[hash]`,
    banner: { js: CJS_SHIMS },
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
    plugins: [builtinsByRequire(), productionOnly(root, options.absent), leaveOut()],
    metafile: true,
    logLevel: 'silent',
  });
  // Module wrappers compiled with their chunk, so the compile cache holds them (ADR 0011).
  for (const out of Object.keys(result.metafile.outputs)) {
    if (out.endsWith('.js')) makeWrappersEager(path.resolve(root, out));
  }
  return result.metafile;
}
