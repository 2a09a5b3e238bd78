/**
 * P3 and P2 inside the image (issue 10, item 6), measured and reported, never asserted:
 * - P3: what the runtime stage adds above the Lambda base, and how much of it is source maps;
 * - P2: a fresh Lambda-mode container's time to its first response (GET /api/questionnaire through
 *   the Runtime API), against a bare serverless-express hello world on the same stand-in base, with
 *   the podman floor under both, and the same image with its shipped compile cache turned off.
 * Samples interleave (one of each variant per round), so load on the shared machine hits all alike.
 *
 *   npx tsx bench/image/index.ts [--runs 7] [--no-compile-cache]
 *   npm run bench -- image
 * Needs podman and the image (`npm run image`; built here when missing).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LAMBDA_BASE } from '../../container/rehearse/bases';
import { buildImage, IMAGE } from '../../container/rehearse/image';
import { assertPodman, imageSize, podmanEnv, ROOT } from '../../container/rehearse/podman';
import type { BenchResult, GoalCheck } from '../lib/report';
import { buildHelloImage, HELLO_IMAGE, taskFiles } from './images';
import { apiEnvironment, firstResponse, floor, httpApiEvent, removeCpuProbe, Sink } from './probe';

export interface ImageBenchOptions {
  quick?: boolean;
  /** Containers per variant. @default 7 (3 with quick) */
  runs?: number;
  /** Also measure the image with its compile cache off (NODE_DISABLE_COMPILE_CACHE). @default true */
  compileCache?: boolean;
  resultsDir?: string;
  log?(message: string): void;
}

/** podman's unit (decimal), so the figures match `podman images`. */
const MB = 1_000_000;
const HELLO = 'hello world (baseline)';
const APP = 'ScaleMap lambda.handler';
const NO_CACHE = 'ScaleMap, compile cache off';
const FLOOR = 'floor: bash opens a socket';
const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function imageExists(image: string): boolean {
  return spawnSync('podman', ['image', 'exists', image], { env: podmanEnv }).status === 0;
}

/** P3 from the image itself: its size, the base's, and the files of /var/task. */
function sizes() {
  const sizeBytes = imageSize(IMAGE);
  const baseBytes = imageSize(LAMBDA_BASE);
  const files = taskFiles(IMAGE);
  const maps = files.filter((f) => f.file.endsWith('.map'));
  const mapBytes = maps.reduce((s, f) => s + f.bytes, 0);
  const taskBytes = files.reduce((s, f) => s + f.bytes, 0);
  return { sizeBytes, baseBytes, addedBytes: sizeBytes - baseBytes, taskBytes, mapBytes, files };
}

/** One run of the image with Node's compile-cache debug output: does the read-only runtime use it? */
function cacheProof(lines: string[]) {
  const cacheLines = lines.filter((l) => l.includes('[compile cache]') || /compile.cache/i.test(l));
  const count = (re: RegExp) => cacheLines.filter((l) => re.test(l)).length;
  return {
    lines: cacheLines.length,
    accepted: count(/was accepted/),
    /** Modules compiled without a usable cache entry (absent or rejected). */
    missed: count(/was not initialized|was rejected|mismatch/),
    acceptedFiles: cacheLines
      .filter((l) => /was accepted/.test(l))
      .map((l) => l.replace(/^.*for (ESM |CommonJS )?(\S+) was accepted.*$/, '$2')),
    failedWrites: count(/failed|EROFS|read-only|cannot/i),
    sample: cacheLines.slice(0, 12),
  };
}

export async function run(options: ImageBenchOptions = {}): Promise<BenchResult> {
  const log = options.log ?? ((m: string) => console.log(m));
  const runs = options.runs ?? (options.quick ? 3 : 7);
  const withCache = options.compileCache ?? true;
  assertPodman();
  if (!imageExists(IMAGE)) {
    log(`P2/P3 in the image: ${IMAGE} is missing; building it (npm run image)…`);
    await buildImage({ log: (l) => log(l) });
  }
  const p3 = sizes();
  log(
    `P3: ${IMAGE} ${mb(p3.sizeBytes)}; base ${mb(p3.baseBytes)}; added ${mb(p3.addedBytes)}, of which source maps ${mb(p3.mapBytes)}`,
  );

  const sink = new Sink();
  await sink.start();
  try {
    const env = apiEnvironment(sink.port);
    const event = httpApiEvent('/api/questionnaire');
    log('P2 in the image: building the hello-world image…');
    await buildHelloImage(log);
    type Variant = { name: string; sample: () => Promise<number> };
    /** Node's CPU time per Lambda variant (init + first invocation). */
    const cpu = new Map<string, number[]>();
    const lambda =
      (name: string, image: string, handler: string, extra = {}) =>
      async () => {
        const s = await firstResponse(image, handler, { ...env, ...extra }, event, true);
        if (s.statusCode !== 200) throw new Error(`${image} ${handler} answered ${s.statusCode}`);
        cpu.set(name, [...(cpu.get(name) ?? []), s.cpuMs!]);
        return s.ms;
      };
    const variants: Variant[] = [
      { name: FLOOR, sample: () => floor(LAMBDA_BASE, 'bash', sink) },
      { name: 'floor: node opens a socket', sample: () => floor(LAMBDA_BASE, 'node', sink) },
      { name: HELLO, sample: lambda(HELLO, HELLO_IMAGE, 'hello.handler') },
      { name: APP, sample: lambda(APP, IMAGE, 'lambda.handler') },
      ...(withCache
        ? [
            {
              name: NO_CACHE,
              sample: lambda(NO_CACHE, IMAGE, 'lambda.handler', { NODE_DISABLE_COMPILE_CACHE: '1' }),
            },
          ]
        : []),
    ];
    const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
    log('P2 in the image: one warm-up round (page cache), then interleaved rounds…');
    for (const v of variants) await v.sample();
    cpu.clear();
    const before = sink.connections;
    let floorConnections = 0;
    for (let i = 0; i < runs; i++) {
      for (const v of variants) {
        const t = await v.sample();
        if (v.name.startsWith('floor')) floorConnections++;
        samples.get(v.name)!.push(t);
      }
      log(`  round ${i + 1}/${runs}: ${variants.map((v) => ms(samples.get(v.name)!.at(-1)!)).join(', ')}`);
    }
    // Connections the Lambda containers made to the database / AWS endpoints during init + first request.
    const dependencyConnections = sink.connections - before - floorConnections;

    let proof: ReturnType<typeof cacheProof> | undefined;
    if (withCache) {
      const s = await firstResponse(
        IMAGE,
        'lambda.handler',
        { ...env, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' },
        event,
        true,
      );
      proof = cacheProof(s.lines);
    }
    return report({
      p3,
      runs,
      variants: variants.map((v) => v.name),
      samples,
      cpu,
      dependencyConnections,
      proof,
      options,
    });
  } finally {
    removeCpuProbe();
    await sink.stop();
  }
}

interface ReportInput {
  p3: ReturnType<typeof sizes>;
  runs: number;
  variants: string[];
  samples: Map<string, number[]>;
  cpu: Map<string, number[]>;
  dependencyConnections: number;
  proof?: ReturnType<typeof cacheProof>;
  options: ImageBenchOptions;
}

function report(r: ReportInput): BenchResult {
  const med = (name: string) => median(r.samples.get(name) ?? [NaN]);
  const cpuMed = (name: string) => (r.cpu.has(name) ? median(r.cpu.get(name)!) : undefined);
  const hello = med(HELLO);
  const app = med(APP);
  const noCache = med(NO_CACHE);
  const cpuRatio = cpuMed(APP)! / cpuMed(HELLO)!;
  const floorBash = med(FLOOR);
  const ratio = app / hello;
  const aboveFloor = (app - floorBash) / (hello - floorBash);
  const goals: GoalCheck[] = [
    {
      bench: 'P3',
      goal: 'runtime stage adds ≤ 30 MB above the Lambda base',
      measured: mb(r.p3.addedBytes),
      met: r.p3.addedBytes <= 30 * MB,
    },
    {
      bench: 'P2 (image)',
      goal: 'first response in a fresh container ≤ 1.5× the serverless-express hello world (issue 3’s P2 goal, in the image)',
      measured: `${ratio.toFixed(2)}× (${ms(app)} vs ${ms(hello)}); Node CPU ${cpuRatio.toFixed(2)}×`,
      met: ratio <= 1.5,
    },
  ];
  const rows = r.variants.map((name) => {
    const xs = r.samples.get(name)!;
    const c = cpuMed(name);
    return `| ${name} | ${ms(med(name))} | ${ms(Math.min(...xs))}–${ms(Math.max(...xs))} | ${(med(name) / hello).toFixed(2)}× | ${c === undefined ? '–' : `${ms(c)} (${(c / cpuMed(HELLO)!).toFixed(2)}×)`} |`;
  });
  const maps = r.p3.files.filter((f) => f.file.endsWith('.map'));
  const markdown = [
    `${r.runs} fresh containers per variant, interleaved, after one warm-up round; medians. podman + runc, read-only root, user 993:990, host network. ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}.`,
    '',
    `**P3:** ${IMAGE} is ${mb(r.p3.sizeBytes)}; the Lambda base ${mb(r.p3.baseBytes)}; the runtime stage adds **${mb(r.p3.addedBytes)}** (goal ≤ 30 MB). /var/task holds ${mb(r.p3.taskBytes)}, of which source maps ${mb(r.p3.mapBytes)} (${maps.map((f) => `${f.file} ${mb(f.bytes)}`).join(', ')}).`,
    '',
    '**P2 in the image:** from `podman run` to the Runtime API receiving `/response` for GET /api/questionnaire (API Gateway v2).',
    '',
    '| variant | median | range | vs hello | Node CPU, init + first request (vs hello) |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Ratio app / hello world: **${ratio.toFixed(2)}×** in wall time, **${cpuRatio.toFixed(2)}×** in Node's CPU time (steadier on a busy machine); above the podman floor (bash): ${aboveFloor.toFixed(2)}× (${ms(app - floorBash)} vs ${ms(hello - floorBash)}).`,
    `Connections to the database / AWS endpoints during init + first request: ${r.dependencyConnections} (0 = they are reached lazily).`,
    ...(r.proof
      ? [
          '',
          `Shipped compile cache (ADR 0011): median ${ms(app)} with it vs ${ms(noCache)} off (${(app - noCache).toFixed(0)} ms); Node CPU ${ms(cpuMed(APP)!)} vs ${ms(cpuMed(NO_CACHE)!)} (${(cpuMed(APP)! - cpuMed(NO_CACHE)!).toFixed(0)} ms). Debug run (NODE_DEBUG_NATIVE=COMPILE_CACHE) on the read-only root: ${r.proof.lines} cache lines, ${r.proof.accepted} module(s) compiled from the cache (${r.proof.acceptedFiles.join(', ') || 'none'}), ${r.proof.missed} without it, ${r.proof.failedWrites} failed cache operations.`,
        ]
      : []),
  ].join('\n');
  const data = {
    runs: r.runs,
    p3: { ...r.p3 },
    medians: Object.fromEntries(r.variants.map((n) => [n, med(n)])),
    cpuMedians: Object.fromEntries([...r.cpu.keys()].map((n) => [n, cpuMed(n)])),
    ratio,
    cpuRatio,
    aboveFloorRatio: aboveFloor,
    dependencyConnections: r.dependencyConnections,
    compileCacheProof: r.proof,
    samples: Object.fromEntries(r.samples),
    cpuSamples: Object.fromEntries(r.cpu),
  };
  const dir = r.options.resultsDir ?? path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'image.json'), `${JSON.stringify(data, null, 2)}\n`);
  writeFileSync(path.join(dir, 'image.md'), `# P2 and P3 in the image\n\n${markdown}\n`);
  (r.options.log ?? console.log)(markdown);
  return { id: 'image', title: 'P2 and P3 in the image', markdown, goals, data };
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      quick: { type: 'boolean' },
      'no-compile-cache': { type: 'boolean' },
    },
  });
  run({
    runs: values.runs ? Number(values.runs) : undefined,
    quick: values.quick,
    compileCache: !values['no-compile-cache'],
  }).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
