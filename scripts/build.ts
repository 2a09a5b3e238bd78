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
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { bundle } from './build-bundle';
import { formatBytes, ROOT, readManifest, sizeOf } from './build-manifest';

export { type BundleOptions, bundle } from './build-bundle';
export { formatBytes, ROOT, type RuntimeManifest, readManifest } from './build-manifest';
export { packageName, productionOnly, unreachable } from './build-plugins';

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
    // Explicit ES modules: Node and the runtime interface client load every .js here as ESM.
    writeFileSync(
      path.join(scratch, 'package.json'),
      `${JSON.stringify({ name: 'scalemap-runtime', private: true, type: 'module' }, null, 2)}\n`,
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
