/**
 * P2 cold start: in fresh Node 24 processes, side by side, the time to import a Lambda handler plus
 * its first invocation, for
 * - `bundled`: dist/runtime/lambda.js with the compile cache the image writes (scripts/compile-cache.ts),
 *   as the image ships it;
 * - `bundled, sampled by X-Ray`: the same, for an invocation X-Ray samples (X-Ray loads in it);
 * - `bundled, no compile cache`: the same files with the cache disabled (NODE_DISABLE_COMPILE_CACHE);
 * - `bundled + source maps`: the shipped files under NODE_OPTIONS=--enable-source-maps;
 * - `unbundled`: the same source, transpiled file by file, loading node_modules the ordinary way;
 * - `bare`: a serverless-express hello world (Express + one route), bundled by the same `bundle()`:
 *   the floor the goal is measured against; with a compile cache too, the floor for that variant;
 * - `bare, unbundled`: the same hello world loading node_modules (the floor before issue 11).
 * Runs interleave, so load on the shared machine hits all variants alike; medians are reported.
 * Goal (issue 3): bundled ≤ 1.5× bare, with a bundle ≤ 2 MB. Reported, never asserted.
 *
 *   npx tsx bench/cold-start/index.ts [--runs 15] [--invocations 1000] [--before <other build's dist/runtime>]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { buildRuntime, formatBytes, ROOT } from '../../scripts/build';
import { writeCompileCache } from '../../scripts/compile-cache';
import { type LambdaMemory, lambdaMemory } from './memory';
import {
  buildBare,
  NODE24,
  PROBE,
  probe,
  type Sample,
  sampledInvocation,
  transpileUnbundled,
  type Variant,
  WORK,
} from './variants';

/** What bench/run.ts passes (a subset of its BenchOptions); all optional when run alone. */
export interface ColdStartOptions {
  quick?: boolean;
  /** Processes per variant. @default 15 (5 with quick) */
  runs?: number;
  /** Another build's runtime folder (e.g. the main branch's), run as the variant `before`. */
  before?: string;
  /** Invocations of one warm handler for the memory figure. @default 1000 (200 with quick) */
  invocations?: number;
  resultsDir?: string;
  log?(message: string): void;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

/**
 * Bytes of JavaScript an entry loads at init and in all (with its lazy chunks). Init is its static
 * imports plus what the entry itself imports dynamically at its top level (lambda.js awaits the
 * handler's chunk once the compile cache is on), with their static imports.
 */
function loadedBytes(meta: Metafile, entry: string): { init: number; all: number } {
  const key = Object.keys(meta.outputs).find((k) => k.endsWith(`/${entry}`))!;
  const awaited = meta.outputs[key]!.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path);
  const walk = (lazy: boolean) => {
    const seen = new Set<string>();
    const todo = [key, ...awaited];
    while (todo.length) {
      const k = todo.pop()!;
      if (seen.has(k)) continue;
      seen.add(k);
      for (const i of meta.outputs[k]!.imports) {
        if (!i.external && (lazy || i.kind !== 'dynamic-import')) todo.push(i.path);
      }
    }
    return [...seen].reduce((sum, k) => sum + meta.outputs[k]!.bytes, 0);
  };
  return { init: walk(false), all: walk(true) };
}

function memoryTable(m: LambdaMemory): string {
  const row = (name: string, d: LambdaMemory['first']) =>
    `| ${name} | ${d.rssMb.toFixed(1)} MB | ${d.heapMb.toFixed(1)} MB |`;
  return [
    `Memory: one warm lambda.js, ${m.invocations} invocations (${Object.entries(m.statuses)
      .map(([s, n]) => `${n}× ${s}`)
      .join(', ')}), sampled every 10 after a full GC; medians per tenth of the run:`,
    '',
    '| tenth of the run | RSS | V8 heap used |',
    '| --- | --- | --- |',
    row('first', m.first),
    row('middle', m.middle),
    row('last', m.last),
  ].join('\n');
}

export async function run(options: ColdStartOptions = {}) {
  const log = options.log ?? ((m: string) => console.log(m));
  const runs = options.runs ?? (options.quick ? 5 : 15);
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  writeFileSync(path.join(WORK, 'probe.cjs'), PROBE);

  log('P2 cold start: building the bundle, the unbundled copy and the bare hello world…');
  const runtime = await buildRuntime();
  const unbundled = await transpileUnbundled(path.join(WORK, 'unbundled'));
  const bare = await buildBare();
  // What the image ships: the runtime artifact plus the compile cache its build writes.
  const shipped = path.join(WORK, 'shipped');
  cpSync(runtime.outdir, shipped, { recursive: true });
  writeCompileCache(NODE24, shipped);
  const bundled = path.join(shipped, 'lambda.js');
  const app = '/api/questionnaire';
  const cache = (dir: string) => ({ NODE_COMPILE_CACHE: path.join(WORK, dir) });
  const variants: Variant[] = [
    { name: 'bundled', file: bundled, path: app },
    {
      name: 'bundled, sampled by X-Ray',
      file: bundled,
      path: app,
      env: sampledInvocation(shipped),
    },
    {
      name: 'bundled, no compile cache',
      file: bundled,
      path: app,
      env: { NODE_DISABLE_COMPILE_CACHE: '1' },
    },
    {
      name: 'bundled + source maps',
      file: bundled,
      path: app,
      env: { NODE_OPTIONS: '--enable-source-maps' },
    },
    { name: 'unbundled', file: unbundled, path: app },
    { name: 'bare', file: bare.bundled, path: '/api/hello' },
    { name: 'bare + compile cache', file: bare.bundled, path: '/api/hello', env: cache('cache-bare') },
    { name: 'bare, unbundled', file: bare.unbundled, path: '/api/hello' },
    ...(options.before
      ? [{ name: 'before', file: path.join(path.resolve(options.before), 'lambda.js'), path: app }]
      : []),
  ];

  const samples = new Map<string, Sample[]>(variants.map((v) => [v.name, []]));
  // One warm-up round (disk cache; it also writes the compile caches), then interleaved measured rounds.
  for (const v of variants) await probe(v);
  for (let i = 0; i < runs; i++) {
    for (const v of variants) {
      const s = await probe(v);
      if (s.status !== 200) throw new Error(`${v.name} answered ${s.status}`);
      samples.get(v.name)!.push(s);
    }
  }
  log(`P2 memory: ${options.invocations ?? (options.quick ? 200 : 1000)} invocations of one warm lambda.js…`);
  const memory = await lambdaMemory(runtime.outdir, options.invocations ?? (options.quick ? 200 : 1000));
  rmSync(WORK, { recursive: true, force: true });

  const fields = ['importMs', 'invokeMs', 'totalMs', 'sinceStartMs', 'cpuMs'] as const;
  const summary = Object.fromEntries(
    variants.map((v) => {
      const xs = samples.get(v.name)!;
      return [v.name, Object.fromEntries(fields.map((f) => [f, median(xs.map((s) => s[f]))]))];
    }),
  ) as Record<string, Record<(typeof fields)[number], number>>;
  const total = (name: string) => summary[name]!.totalMs;
  const cpu = (name: string) => summary[name]!.cpuMs;
  const ratios = {
    bundledVsBare: total('bundled') / total('bare'),
    bundledVsBareCompileCache: total('bundled') / total('bare + compile cache'),
    noCacheVsBare: total('bundled, no compile cache') / total('bare'),
    cpuBundledVsBare: cpu('bundled') / cpu('bare'),
    bundledVsBareUnbundled: total('bundled') / total('bare, unbundled'),
    unbundledVsBundled: total('unbundled') / total('bundled'),
    sourceMapsVsBundled: total('bundled + source maps') / total('bundled'),
  };
  const bytes = loadedBytes(runtime.metafile, 'lambda.js');
  const goals = [
    {
      bench: 'P2',
      goal: 'bundled import + first invocation ≤ 1.5× bare serverless-express, bundled the same way',
      measured: `${ratios.bundledVsBare.toFixed(2)}×`,
      met: ratios.bundledVsBare <= 1.5,
    },
    {
      bench: 'P2',
      goal: 'lambda.js with every chunk it can load ≤ 2 MB',
      measured: formatBytes(bytes.all),
      met: bytes.all <= 2 * 1024 * 1024,
    },
  ];
  const rows = variants.map((v) => {
    const s = summary[v.name]!;
    return `| ${v.name} | ${ms(s.importMs)} | ${ms(s.invokeMs)} | ${ms(s.totalMs)} | ${(s.totalMs / total('bare')).toFixed(2)}× | ${ms(s.sinceStartMs)} | ${ms(s.cpuMs)} |`;
  });
  const load = () =>
    os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
  const markdown = [
    `Fresh Node ${execFileSync(NODE24, ['-v']).toString().trim()} processes, ${runs} per variant, interleaved; medians. ${os.cpus().length} CPUs, load at the end ${load()}.`,
    '',
    '| variant | import | first invocation | import + first | vs bare | since process start | CPU since start |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Ratios (import + first invocation): bundled / bare **${ratios.bundledVsBare.toFixed(2)}×**; against bare with its own compile cache ${ratios.bundledVsBareCompileCache.toFixed(2)}×; without the shipped cache ${ratios.noCacheVsBare.toFixed(2)}×; CPU since start ${ratios.cpuBundledVsBare.toFixed(2)}×; bundled / bare unbundled ${ratios.bundledVsBareUnbundled.toFixed(2)}×; unbundled / bundled ${ratios.unbundledVsBundled.toFixed(2)}×; source maps on / off ${ratios.sourceMapsVsBundled.toFixed(2)}×.`,
    '',
    `lambda.js loads ${formatBytes(bytes.init)} of JavaScript at init and ${formatBytes(bytes.all)} with every lazy chunk. Runtime artifact ${formatBytes(runtime.total)} (${Object.entries(
      runtime.sizes,
    )
      .map(([f, b]) => `${f} ${formatBytes(b)}`)
      .join(', ')}).`,
    '',
    memoryTable(memory),
  ].join('\n');
  const data = {
    runs,
    memory,
    summary,
    ratios,
    bytes,
    runtimeBytes: runtime.total,
    sizes: runtime.sizes,
    samples: Object.fromEntries(samples),
  };

  const dir = options.resultsDir ?? path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'cold-start.json'), `${JSON.stringify(data, null, 2)}\n`);
  writeFileSync(path.join(dir, 'cold-start.md'), `# P2 cold start\n\n${markdown}\n`);
  log(markdown);
  return { id: 'p2', title: 'P2 cold start', markdown, goals, data };
}

if (require.main === module) {
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const num = (name: string) => (arg(name) === undefined ? undefined : Number(arg(name)));
  run({ runs: num('--runs'), invocations: num('--invocations'), before: arg('--before') }).catch(
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
