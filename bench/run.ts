/**
 * `npm run bench`: P1 throughput, P5 journey load, P4 client and (when present) P2 cold start, on
 * Node 24 against a real PostgreSQL. Writes bench/results/<timestamp>.{json,md} and latest.*.
 *
 *   npm run bench                       # everything, full length
 *   npm run bench -- --quick            # short runs for development
 *   npm run bench -- throughput journey # only some benches (throughput|journey|client|cold-start|image)
 *   npm run bench -- --cpu-prof         # profile the server under test (bench/results/profiles)
 *   npm run bench -- --runs 5 --users 10,50 --db-url postgres://postgres@127.0.0.1:5432/postgres
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_ADMIN_URL, postgresVersion } from './lib/db';
import type { BenchOptions } from './lib/options';
import { type BenchResult, type GoalCheck, goalTable, machineLoad, writeResults } from './lib/report';
import { describeTargets } from './lib/target';

const benches = ['throughput', 'journey', 'client', 'cold-start', 'image'] as const;
type BenchName = (typeof benches)[number];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    users: { type: 'string' },
    'db-url': { type: 'string', default: DEFAULT_ADMIN_URL },
    'cpu-prof': { type: 'boolean', default: false },
    ablate: { type: 'boolean', default: false },
    pool: { type: 'string' },
    'stand-ins': { type: 'string', default: 'separate' },
    server: { type: 'string', default: 'production' },
    help: { type: 'boolean', default: false },
  },
});

function usage(): never {
  console.log(
    'usage: npm run bench -- [--quick] [--runs N] [--users 10,50,200] [--pool N] [--server production|tsx] [--stand-ins separate|in-process] [--cpu-prof] [--ablate] [--db-url URL] [throughput|journey|client|cold-start|image ...]',
  );
  process.exit(0);
}

/** Runs P2 from bench/cold-start when its owner has exported `run()`; skipped otherwise. */
async function coldStart(options: BenchOptions): Promise<BenchResult | undefined> {
  const dir = path.resolve('bench/cold-start');
  const entry = ['index.ts', 'run.ts', 'index.js'].map((f) => path.join(dir, f)).find((f) => existsSync(f));
  if (!entry) {
    options.log('P2 cold start: bench/cold-start has no entry yet; skipped.');
    return undefined;
  }
  type ColdStartRun = (
    o: Pick<BenchOptions, 'quick' | 'resultsDir' | 'log'> & { runs?: number },
  ) => Promise<unknown>;
  const mod = (await import(entry)) as { run?: ColdStartRun };
  if (typeof mod.run !== 'function') {
    options.log(`P2 cold start: ${path.relative('.', entry)} exports no run(); skipped.`);
    return undefined;
  }
  // Its own default number of processes per variant, unless --runs was given.
  const out = await mod.run({
    quick: options.quick,
    resultsDir: options.resultsDir,
    log: options.log,
    ...(values.runs ? { runs: options.runs } : {}),
  });
  if (out && typeof out === 'object' && 'markdown' in out && 'goals' in out) return out as BenchResult;
  return {
    id: 'p2',
    title: 'P2 cold start',
    markdown: ['```json', JSON.stringify(out, null, 2), '```'].join('\n'),
    goals: [],
    data: out,
  };
}

async function runBench(name: BenchName, options: BenchOptions): Promise<BenchResult | undefined> {
  switch (name) {
    case 'throughput':
      return (await import('./throughput/index')).run(options);
    case 'journey':
      return (await import('./journey/index')).run(options, values.users);
    case 'client':
      return (await import('./client/index')).run(options);
    case 'cold-start':
      return coldStart(options);
    case 'image':
      // P2/P3 inside the built image (podman); its own default of 7 containers per variant.
      return (await import('./image/index')).run({
        quick: options.quick,
        resultsDir: options.resultsDir,
        log: options.log,
        ...(values.runs ? { runs: options.runs } : {}),
      });
  }
}

async function main() {
  if (values.help) usage();
  const selected = positionals.length ? positionals : [...benches];
  for (const p of selected) {
    if (!(benches as readonly string[]).includes(p)) {
      console.error(`unknown bench "${p}"; choose from ${benches.join(', ')}`);
      process.exit(2);
    }
  }
  const started = new Date();
  const resultsDir = path.resolve('bench/results');
  const options: BenchOptions = {
    quick: values.quick,
    runs: values.runs ? Math.max(1, Number(values.runs)) : 3,
    adminUrl: values['db-url'],
    resultsDir,
    cpuProf: values['cpu-prof'],
    ablate: values.ablate,
    standInsInProcess: values['stand-ins'] === 'in-process',
    server: values.server === 'tsx' ? 'tsx' : 'production',
    serverEnv: values.pool ? { DB_POOL_MAX: values.pool } : {},
    log: (m) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`),
  };
  const node = process.version;
  options.log(`Node ${node} (${process.execPath})`);
  if (!node.startsWith('v24.')) {
    options.log('WARNING: not Node 24; run through `npm run bench` so node_modules/.bin/node (v24) is used.');
  }
  const pg = await postgresVersion(options.adminUrl);
  const loadBefore = machineLoad();
  options.log(`PostgreSQL ${pg}; machine ${loadBefore}`);

  const results: BenchResult[] = [];
  const failed: { bench: string; error: string }[] = [];
  for (const name of selected as BenchName[]) {
    options.log(`--- ${name} ---`);
    try {
      const r = await runBench(name, options);
      if (r) results.push(r);
    } catch (err) {
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      options.log(`${name} failed: ${error}`);
      failed.push({ bench: name, error });
    }
  }
  const loadAfter = machineLoad();
  const goals: GoalCheck[] = results.flatMap((r) => r.goals);
  const header = [
    `# ScaleMap benchmarks, ${started.toISOString()}`,
    '',
    `- Node ${node}; PostgreSQL ${pg} (127.0.0.1:5432, a fresh database per bench, dropped afterwards)`,
    `- Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} CPUs, shared; at start ${loadBefore}; at end ${loadAfter}`,
    `- Mode: ${options.quick ? '**--quick** (short runs; indicative only)' : 'full'}; ${options.runs} runs per figure, medians shown (P2 keeps its own count)`,
    `- Server under test (P1, P5): ${describeTargets(options)}. P1 also measures the tsx-run source. P4 uses the local entry itself, serving the built client`,
    '',
    '## Goals',
    '',
    goals.length ? goalTable(goals) : '(no goals measured)',
    '',
  ];
  const sections = results.flatMap((r) => [`## ${r.title}`, '', r.markdown, '']);
  const failures = failed.length
    ? ['## Benches that did not run', '', ...failed.map((f) => `- ${f.bench}: ${f.error.split('\n')[0]}`), '']
    : [];
  const markdown = [...header, ...sections, ...failures].join('\n');
  const stem = started.toISOString().replace(/[:.]/g, '-');
  const json = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    node,
    postgres: pg,
    machine: { cpus: os.cpus().length, loadBefore, loadAfter },
    quick: options.quick,
    runs: options.runs,
    goals,
    results: results.map((r) => ({ id: r.id, title: r.title, data: r.data })),
    failed,
  };
  const files = writeResults(resultsDir, stem, json, markdown);
  console.log(`\n${markdown}`);
  console.log(
    `Results: ${files
      .filter((f) => !f.includes('latest'))
      .map((f) => path.relative('.', f))
      .join(', ')}`,
  );
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
