/** P1's summary: medians per target, the app's ratios to the peer (the floor) and the goals. */
import type { BenchOptions } from '../lib/options';
import { type BenchResult, type GoalCheck, mdTable } from '../lib/report';
import { fmt, median, round } from '../lib/stats';
import { describeKind } from '../lib/target';
import { CONNECTIONS, type Measured, type Sample } from './seed';

/** Goals of issue #11, as ratios to the peer measured in the same run. */
export const GOALS = { reqPerSec: 0.75, cpuPerRequest: 1.4, p99: 1.5 } as const;

const label: Record<Measured['kind'], string> = {
  peer: 'minimal Express 5 + pg peer (the floor)',
  production: 'ScaleMap, production bundle (server.js)',
  tsx: 'ScaleMap, source run by tsx (logs silenced)',
  hello: 'Express 5 hello-world (reference only)',
};

const med = (xs: Sample[], k: keyof Sample) => median(xs.map((x) => x[k] ?? Number.NaN));

function figures(m: Measured) {
  return {
    kind: m.kind,
    variant: m.variant?.name,
    reqPerSec: med(m.samples, 'reqPerSec'),
    p50: med(m.samples, 'p50'),
    p99: med(m.samples, 'p99'),
    failures: m.samples.reduce((n, s) => n + s.errors + s.non2xx, 0),
    cpuPercentOfCore: med(m.samples, 'cpuPercentOfCore'),
    serverCpuMsPerRequest: med(m.samples, 'serverCpuMsPerRequest'),
    pgCpuMsPerRequest: med(m.samples, 'pgCpuMsPerRequest'),
  };
}
type Figures = ReturnType<typeof figures>;

/** The app's ratios to the peer: of the medians, and per run (the same run's pair). */
function ratios(app: Measured, a: Figures, peer: Measured, p: Figures) {
  const perRun = (k: keyof Sample) =>
    app.samples.map((s, i) => round((s[k] ?? Number.NaN) / (peer.samples[i]?.[k] ?? Number.NaN), 3));
  return {
    reqPerSec: a.reqPerSec / p.reqPerSec,
    cpuPerRequest: a.serverCpuMsPerRequest / p.serverCpuMsPerRequest,
    p99: a.p99 / p.p99,
    perRun: {
      reqPerSec: perRun('reqPerSec'),
      cpuPerRequest: perRun('serverCpuMsPerRequest'),
      p99: perRun('p99'),
    },
  };
}

export function summarise(input: {
  options: BenchOptions;
  duration: number;
  warmup: number;
  peer: Measured;
  hello: Measured;
  apps: Measured[];
  bodyBytes: number;
}): BenchResult {
  const { options, peer, hello, apps } = input;
  const p = figures(peer);
  const rows = apps.map((m) => ({ m, f: figures(m), r: ratios(m, figures(m), peer, p) }));
  const main = rows[0]!;
  const ok = main.f.failures === 0 && p.failures === 0;
  const x = (v: number) => `${fmt(v, 2)}×`;
  const goals: GoalCheck[] = [
    {
      bench: 'P1',
      goal: `req/s ≥ ${GOALS.reqPerSec * 100}% of the minimal peer's`,
      measured: `${fmt(main.r.reqPerSec * 100)}% (${fmt(main.f.reqPerSec, 0)} / ${fmt(p.reqPerSec, 0)} req/s, ${main.m.kind})`,
      met: ok ? main.r.reqPerSec >= GOALS.reqPerSec : false,
    },
    {
      bench: 'P1',
      goal: `server CPU per request ≤ ${GOALS.cpuPerRequest}× the peer's`,
      measured: `${x(main.r.cpuPerRequest)} (${fmt(main.f.serverCpuMsPerRequest, 3)} / ${fmt(p.serverCpuMsPerRequest, 3)} ms)`,
      met: ok ? main.r.cpuPerRequest <= GOALS.cpuPerRequest : false,
    },
    {
      bench: 'P1',
      goal: `p99 ≤ ${GOALS.p99}× the peer's`,
      measured: `${x(main.r.p99)} (${fmt(main.f.p99, 0)} / ${fmt(p.p99, 0)} ms)`,
      met: ok ? main.r.p99 <= GOALS.p99 : false,
    },
  ];
  const row = (f: Figures, ratio: string) => [
    f.variant ? `${label[f.kind]}, ${f.variant}` : label[f.kind],
    fmt(f.reqPerSec, 0),
    fmt(f.p50, 0),
    fmt(f.p99, 0),
    ratio,
    f.failures,
    fmt(f.cpuPercentOfCore, 0),
    `${fmt(f.serverCpuMsPerRequest, 3)} / ${fmt(f.pgCpuMsPerRequest, 3)}`,
  ];
  const markdown = [
    `${CONNECTIONS} connections × ${input.duration} s per run (after a ${input.warmup} s warm-up), ${options.runs} runs with the order rotating, medians shown; autocannon in the driver process, each server in its own process. The peer answered the same ${input.bodyBytes}-byte body as the app before the runs. Goals are judged on the first ScaleMap row against the peer.`,
    '',
    mdTable(
      [
        'Target',
        'req/s',
        'p50 ms',
        'p99 ms',
        'to the peer: req/s, CPU/request, p99',
        'non-2xx + errors',
        'server CPU (% of a core)',
        'CPU per request: server / PostgreSQL (ms)',
      ],
      [
        row(p, '1 / 1 / 1'),
        ...rows.map(({ f, r }) =>
          row(f, `**${fmt(r.reqPerSec * 100)}%** / **${x(r.cpuPerRequest)}** / **${x(r.p99)}**`),
        ),
        row(figures(hello), '—'),
      ],
    ),
    '',
    ...rows.map(
      ({ m, r }) =>
        `- ${label[m.kind]}${
          m.variant
            ? `, ${m.variant.name} (${Object.entries(m.variant.env)
                .map(([k, v]) => `${k}=${v}`)
                .join(', ')})`
            : `: ${describeKind(m.kind as 'production' | 'tsx', options)}`
        }. Per-run ratios to the peer: req/s ${r.perRun.reqPerSec.join(', ')}; CPU/request ${r.perRun.cpuPerRequest.join(', ')}; p99 ${r.perRun.p99.join(', ')}.`,
    ),
    `- The peer: \`bench/lib/peer.ts\`, Express 5 + pg (pool of 10), the app's SQL on the app's database; no logging, metrics or tracing.`,
  ].join('\n');
  return {
    id: 'p1',
    title: 'P1 throughput',
    markdown,
    goals,
    data: {
      connections: CONNECTIONS,
      durationSeconds: input.duration,
      warmupSeconds: input.warmup,
      bodyBytes: input.bodyBytes,
      peer: { summary: p, samples: peer.samples },
      hello: { summary: figures(hello), samples: hello.samples },
      apps: rows.map(({ m, f, r }) => ({
        kind: m.kind,
        variant: m.variant,
        summary: f,
        ratiosToPeer: r,
        samples: m.samples,
      })),
    },
  };
}
