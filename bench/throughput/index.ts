/**
 * P1 throughput: authenticated `GET /api/assessments/:id` of a fully answered assessment (session
 * cookie), autocannon 50 connections × 10 s. The floor is the minimal peer (bench/lib/peer.ts): the
 * same request in Express 5 + pg, on the app's own database, checked to answer the same body before
 * anything is measured. A bare Express hello-world is a reference row only. Every server runs in its
 * own process; the order of targets rotates each run so drift hits all. The app is the production
 * bundle when built (the goals are judged on it) and the tsx-run source.
 */
import autocannon from 'autocannon';
import { watchDatabase } from '../lib/db-watch';
import type { BenchOptions } from '../lib/options';
import { cpuBetween, spawnServer } from '../lib/proc';
import { procSyscalls } from '../lib/procstat';
import { startProfile, stopProfile } from '../lib/profile-summary';
import type { BenchResult } from '../lib/report';
import { fmt } from '../lib/stats';
import { primaryKind, startAppTarget, type TargetKind } from '../lib/target';
import { summarise } from './report';
import { assertSameResponse, CONNECTIONS, type Measured, sample, seed } from './seed';

/**
 * `--ablate`: the production bundle again with one observability feature off, through variables its
 * config already reads, so each feature's cost per request is measured in the same run.
 */
const ABLATIONS: NonNullable<Measured['variant']>[] = [
  { name: 'tracing off', env: { TRACING_ENABLED: 'false' } },
  { name: 'access log off', env: { LOG_LEVEL: 'WARN' } },
  { name: 'metrics off', env: { POWERTOOLS_METRICS_DISABLED: 'true' } },
  {
    name: 'all three off',
    env: { TRACING_ENABLED: 'false', LOG_LEVEL: 'WARN', POWERTOOLS_METRICS_DISABLED: 'true' },
  },
];

async function measure(m: Measured, duration: number, options: BenchOptions, profile: boolean) {
  // The production bundle profiles its whole life (--cpu-prof, written on exit); the others, this window.
  const file =
    profile && m.kind !== 'production' ? await startProfile(m.server, options, `p1-${m.kind}`) : undefined;
  const before = await m.server.stats();
  const calls = procSyscalls(m.server.pid);
  const watch = m.db ? watchDatabase(m.db) : undefined;
  const t0 = Date.now();
  const s = sample(await autocannon({ url: m.url, connections: CONNECTIONS, duration, headers: m.headers }));
  const cpu = cpuBetween(before, await m.server.stats(), Date.now() - t0);
  const callsAfter = procSyscalls(m.server.pid);
  const pg = await watch?.();
  if (file) await stopProfile(m.server, file, options);
  s.cpuPercentOfCore = cpu.cpuPercentOfCore;
  s.serverCpuMsPerRequest = (cpu.cpuSeconds * 1000) / s.requests;
  if (pg) s.pgCpuMsPerRequest = (pg.backendCpuSeconds * 1000) / s.requests;
  // Socket reads and writes are much of a request's CPU here (loopback TCP): a count, not a timing.
  if (calls && callsAfter) {
    s.readCallsPerRequest = (callsAfter.reads - calls.reads) / s.requests;
    s.writeCallsPerRequest = (callsAfter.writes - calls.writes) / s.requests;
  }
  m.samples.push(s);
  return s;
}

export async function run(options: BenchOptions): Promise<BenchResult> {
  const duration = options.quick ? 3 : 10;
  const warmup = options.quick ? 1 : 3;
  const primary = primaryKind(options);
  const kinds: TargetKind[] = primary === 'production' ? ['production', 'tsx'] : ['tsx'];
  const stops: (() => Promise<void>)[] = [];
  try {
    const apps: Measured[] = [];
    const variants = options.ablate && primary === 'production' ? ABLATIONS : [];
    for (const [kind, variant] of [
      ...kinds.map((k) => [k] as const),
      ...variants.map((v) => ['production', v] as const),
    ]) {
      const env = { ...options.serverEnv, ...variant?.env };
      const target = await startAppTarget({ ...options, serverEnv: env }, variant ? 'p1a' : 'p1', kind);
      stops.push(() => target.stop());
      const seeded = await seed(target.app.url);
      const url = target.app.url + seeded.path;
      apps.push({
        kind,
        variant,
        server: target.app,
        url,
        headers: { cookie: seeded.cookie },
        db: target.db,
        samples: [],
      });
    }
    const main = apps[0]!;
    const dbUrl = main.db!.url;
    const peerServer = await spawnServer('bench/lib/peer.ts', [dbUrl]);
    stops.push(() => peerServer.stop());
    const peer: Measured = {
      kind: 'peer',
      server: peerServer,
      url: peerServer.url + new URL(main.url).pathname,
      headers: main.headers,
      db: main.db,
      samples: [],
    };
    const bytes = await assertSameResponse(main.url, peer.url, main.headers.cookie!);
    options.log(`P1: the peer answers the same ${bytes}-byte body as the ${main.kind} app`);
    const helloServer = await spawnServer('bench/lib/hello.ts');
    stops.push(() => helloServer.stop());
    const hello: Measured = {
      kind: 'hello',
      server: helloServer,
      url: `${helloServer.url}/`,
      headers: {},
      samples: [],
    };

    const order = [peer, ...apps, hello];
    options.log(`P1: warm-up ${warmup} s each`);
    for (const m of order)
      await autocannon({ url: m.url, connections: CONNECTIONS, duration: warmup, headers: m.headers });
    for (let i = 0; i < options.runs; i++) {
      // Rotate the order each run: first, middle and last places go to every target in turn.
      const turn = order.map((_, k) => order[(k + i) % order.length]!);
      for (const m of turn) {
        const s = await measure(m, duration, options, options.cpuProf && i === 0);
        options.log(
          `P1 run ${i + 1}: ${m.kind}${m.variant ? ` (${m.variant.name})` : ''} ${fmt(s.reqPerSec, 0)} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms, non-2xx ${s.non2xx}, errors ${s.errors}, CPU/request: server ${fmt(s.serverCpuMsPerRequest, 3)} ms, PG ${fmt(s.pgCpuMsPerRequest, 3)} ms; syscalls/request: ${fmt(s.readCallsPerRequest, 2)} reads, ${fmt(s.writeCallsPerRequest, 2)} writes`,
        );
      }
    }
    return summarise({ options, duration, warmup, peer, hello, apps, bodyBytes: bytes });
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  }
}
