/**
 * P1 throughput: authenticated `GET /api/assessments/:id` of a fully answered assessment (session
 * cookie), autocannon 50 connections × 10 s, against a bare Express 5 hello-world on the same Node.
 * Every server runs in its own process; the order of targets rotates each run so drift hits all.
 * The app is the production bundle when built (the goal is judged on it) and the tsx-run source.
 */
import autocannon, { type Result } from 'autocannon';
import { allAnswers, registerAndLogin } from '../../tests/support/client';
import { watchDatabase } from '../lib/db-watch';
import type { BenchOptions } from '../lib/options';
import { cpuBetween, type ServerProcess, spawnServer } from '../lib/proc';
import { startProfile, stopProfile } from '../lib/profile-summary';
import { type BenchResult, type GoalCheck, mdTable } from '../lib/report';
import { fmt, median, round } from '../lib/stats';
import { type AppTarget, describeKind, primaryKind, startAppTarget, type TargetKind } from '../lib/target';

interface Sample {
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  cpuPercentOfCore?: number;
  /** Server process CPU per request, ms (robust to a busy machine, unlike req/s). */
  serverCpuMsPerRequest?: number;
  /** PostgreSQL backends' CPU per request, ms. */
  pgCpuMsPerRequest?: number;
}

const GOAL_RATIO = 0.35;
const GOAL_P99_MS = 25;
const CONNECTIONS = 50;

function sample(r: Result): Sample {
  return {
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/** Signs up, answers every question in one save and returns the cookie and the GET path. */
async function seed(url: string): Promise<{ path: string; cookie: string }> {
  const { client } = await registerAndLogin(url, 'p1');
  const created = await client.post<{ id: string }>('/api/assessments', {});
  if (created.status !== 201) throw new Error(`create failed: ${created.status}`);
  const saved = await client.put(`/api/assessments/${created.body.id}/responses`, {
    responses: allAnswers(),
  });
  if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${JSON.stringify(saved.body)}`);
  const p = `/api/assessments/${created.body.id}`;
  const check = await client.get<{ progress: { answered: number; total: number } }>(p);
  if (check.status !== 200 || check.body.progress.answered !== check.body.progress.total) {
    throw new Error(`the seeded assessment is not fully answered: ${JSON.stringify(check.body)}`);
  }
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return { path: p, cookie };
}

interface AppUnderLoad {
  kind: TargetKind;
  target: AppTarget;
  url: string;
  cookie: string;
  samples: Sample[];
}

const label = (kind: TargetKind) =>
  kind === 'production' ? 'production bundle (server.js)' : 'source run by tsx (logs silenced)';

export async function run(options: BenchOptions): Promise<BenchResult> {
  const duration = options.quick ? 3 : 10;
  const warmup = options.quick ? 1 : 3;
  const primary = primaryKind(options);
  const kinds: TargetKind[] = primary === 'production' ? ['production', 'tsx'] : ['tsx'];
  const apps: AppUnderLoad[] = [];
  let hello: ServerProcess | undefined;
  try {
    for (const kind of kinds) {
      const target = await startAppTarget(options, 'p1', kind);
      const seeded = await seed(target.app.url).catch(async (err: Error) => {
        await target.stop();
        throw err;
      });
      apps.push({ kind, target, url: target.app.url + seeded.path, cookie: seeded.cookie, samples: [] });
    }
    hello = await spawnServer('bench/lib/hello.ts');
    const helloUrl = `${hello.url}/`;
    const load = (url: string, seconds: number, headers: Record<string, string> = {}) =>
      autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });

    options.log(`P1: warm-up ${warmup} s each`);
    await load(helloUrl, warmup);
    for (const a of apps) await load(a.url, warmup, { cookie: a.cookie });

    const baseline: Sample[] = [];
    const order: (AppUnderLoad | 'baseline')[] = ['baseline', ...apps];
    for (let i = 0; i < options.runs; i++) {
      // Rotate the order each run: first, middle and last places go to every target in turn.
      const turn = order.map((_, k) => order[(k + i) % order.length]!);
      for (const which of turn) {
        if (which === 'baseline') {
          const s = sample(await load(helloUrl, duration));
          baseline.push(s);
          options.log(`P1 run ${i + 1}: baseline ${fmt(s.reqPerSec, 0)} req/s, p99 ${s.p99} ms`);
          continue;
        }
        const { app, db } = which.target;
        const profileFile =
          options.cpuProf && i === 0 && which.kind === 'tsx'
            ? await startProfile(app, options, 'p1-app')
            : undefined;
        const before = await app.stats();
        const watch = watchDatabase(db);
        const t0 = Date.now();
        const s = sample(await load(which.url, duration, { cookie: which.cookie }));
        const cpu = cpuBetween(before, await app.stats(), Date.now() - t0);
        const pg = await watch();
        if (profileFile) await stopProfile(app, profileFile, options);
        s.cpuPercentOfCore = cpu.cpuPercentOfCore;
        s.serverCpuMsPerRequest = (cpu.cpuSeconds * 1000) / s.requests;
        s.pgCpuMsPerRequest = (pg.backendCpuSeconds * 1000) / s.requests;
        which.samples.push(s);
        options.log(
          `P1 run ${i + 1}: ${which.kind} ${fmt(s.reqPerSec, 0)} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms, non-2xx ${s.non2xx}, errors ${s.errors}, CPU/request: server ${fmt(s.serverCpuMsPerRequest, 2)} ms, PG ${fmt(s.pgCpuMsPerRequest, 2)} ms`,
        );
      }
    }

    const med = (xs: Sample[], k: keyof Sample) => median(xs.map((x) => x[k] ?? Number.NaN));
    const baseRps = med(baseline, 'reqPerSec');
    const summaries = apps.map((a) => {
      const rps = med(a.samples, 'reqPerSec');
      return {
        kind: a.kind,
        reqPerSec: rps,
        p50: med(a.samples, 'p50'),
        p99: med(a.samples, 'p99'),
        ratio: rps / baseRps,
        failures: a.samples.reduce((n, s) => n + s.errors + s.non2xx, 0),
        cpuPercentOfCore: med(a.samples, 'cpuPercentOfCore'),
        serverCpuMsPerRequest: med(a.samples, 'serverCpuMsPerRequest'),
        pgCpuMsPerRequest: med(a.samples, 'pgCpuMsPerRequest'),
        perRunRatios: a.samples.map((s, i) => round(s.reqPerSec / baseline[i]!.reqPerSec, 4)),
      };
    });
    const main = summaries[0]!;
    const goals: GoalCheck[] = [
      {
        bench: 'P1',
        goal: `req/s ≥ ${GOAL_RATIO * 100}% of the Express hello-world`,
        measured: `${fmt(main.ratio * 100)}% (${fmt(main.reqPerSec, 0)} / ${fmt(baseRps, 0)} req/s, ${main.kind})`,
        met: main.failures === 0 ? main.ratio >= GOAL_RATIO : false,
      },
      {
        bench: 'P1',
        goal: `p99 ≤ ${GOAL_P99_MS} ms`,
        measured: `${fmt(main.p99, 0)} ms (p50 ${fmt(main.p50, 0)} ms, ${main.kind})`,
        met: main.failures === 0 ? main.p99 <= GOAL_P99_MS : false,
      },
    ];
    const markdown = [
      `${CONNECTIONS} connections × ${duration} s per run (after a ${warmup} s warm-up), ${options.runs} runs with the order rotating, medians shown; autocannon in the driver process, each server in its own process. Goals are judged on the first app row.`,
      '',
      mdTable(
        [
          'Target',
          'req/s',
          'p50 ms',
          'p99 ms',
          'ratio to baseline',
          'non-2xx + errors',
          'server CPU (% of a core)',
          'CPU per request: server / PostgreSQL (ms)',
        ],
        [
          [
            'Express 5 hello-world (baseline)',
            fmt(baseRps, 0),
            fmt(med(baseline, 'p50'), 0),
            fmt(med(baseline, 'p99'), 0),
            '100%',
            baseline.reduce((n, s) => n + s.errors + s.non2xx, 0),
            '—',
            '—',
          ],
          ...summaries.map((m) => [
            `GET /api/assessments/:id, ${label(m.kind)}`,
            fmt(m.reqPerSec, 0),
            fmt(m.p50, 0),
            fmt(m.p99, 0),
            `**${fmt(m.ratio * 100, 2)}%**`,
            m.failures,
            fmt(m.cpuPercentOfCore, 0),
            `${fmt(m.serverCpuMsPerRequest, 2)} / ${fmt(m.pgCpuMsPerRequest, 2)}`,
          ]),
        ],
      ),
      '',
      ...summaries.map(
        (m) =>
          `- ${label(m.kind)}: ${describeKind(m.kind, options)}. Per-run ratios ${m.perRunRatios.map((r) => `${fmt(r * 100, 2)}%`).join(', ')}.`,
      ),
    ].join('\n');
    return {
      id: 'p1',
      title: 'P1 throughput',
      markdown,
      goals,
      data: {
        connections: CONNECTIONS,
        durationSeconds: duration,
        warmupSeconds: warmup,
        baseline,
        apps: apps.map((a) => ({ kind: a.kind, samples: a.samples })),
        summaries,
        baselineReqPerSec: baseRps,
      },
    };
  } finally {
    await hello?.stop().catch(() => {});
    for (const a of apps) await a.target.stop().catch(() => {});
  }
}
