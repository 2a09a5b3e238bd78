/**
 * P1 throughput: authenticated `GET /api/assessments/:id` of a fully answered assessment (session
 * cookie), autocannon 50 connections × 10 s, against a bare Express 5 hello-world on the same Node.
 * Both servers run in their own processes; runs alternate baseline/app so drift hits both alike.
 */
import autocannon, { type Result } from 'autocannon';
import { allAnswers, registerAndLogin } from '../../tests/support/client';
import { watchDatabase } from '../lib/db-watch';
import type { BenchOptions } from '../lib/options';
import { cpuBetween, type ServerProcess, spawnServer } from '../lib/proc';
import { startProfile, stopProfile } from '../lib/profile-summary';
import { type BenchResult, type GoalCheck, mdTable } from '../lib/report';
import { fmt, median, round } from '../lib/stats';
import { startAppTarget } from '../lib/target';

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

export async function run(options: BenchOptions): Promise<BenchResult> {
  const connections = 50;
  const duration = options.quick ? 3 : 10;
  const warmup = options.quick ? 1 : 3;
  const target$ = await startAppTarget(options, 'p1');
  const { app } = target$;
  let hello: ServerProcess | undefined;
  try {
    hello = await spawnServer('bench/lib/hello.ts');
    const target = await seed(app.url);
    const appUrl = app.url + target.path;
    const helloUrl = `${hello.url}/`;

    const load = (url: string, seconds: number, headers: Record<string, string> = {}) =>
      autocannon({ url, connections, duration: seconds, headers });
    options.log(`P1: warm-up ${warmup} s each`);
    await load(helloUrl, warmup);
    await load(appUrl, warmup, { cookie: target.cookie });

    const baseline: Sample[] = [];
    const measured: Sample[] = [];
    for (let i = 0; i < options.runs; i++) {
      const order = i % 2 === 0 ? (['baseline', 'app'] as const) : (['app', 'baseline'] as const);
      for (const which of order) {
        if (which === 'baseline') {
          const s = sample(await load(helloUrl, duration));
          baseline.push(s);
          options.log(`P1 run ${i + 1}: baseline ${fmt(s.reqPerSec, 0)} req/s, p99 ${s.p99} ms`);
        } else {
          const profileFile =
            options.cpuProf && i === 0 ? await startProfile(app, options, 'p1-app') : undefined;
          const before = await app.stats();
          const watch = watchDatabase(target$.db);
          const t0 = Date.now();
          const s = sample(await load(appUrl, duration, { cookie: target.cookie }));
          const cpu = cpuBetween(before, await app.stats(), Date.now() - t0);
          const pg = await watch();
          if (profileFile) await stopProfile(app, profileFile, options);
          s.cpuPercentOfCore = cpu.cpuPercentOfCore;
          s.serverCpuMsPerRequest = (cpu.cpuSeconds * 1000) / s.requests;
          s.pgCpuMsPerRequest = (pg.backendCpuSeconds * 1000) / s.requests;
          measured.push(s);
          options.log(
            `P1 run ${i + 1}: app ${fmt(s.reqPerSec, 0)} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms, non-2xx ${s.non2xx}, errors ${s.errors}, CPU/request: server ${fmt(s.serverCpuMsPerRequest, 2)} ms, PG ${fmt(s.pgCpuMsPerRequest, 2)} ms`,
          );
        }
      }
    }

    const med = (xs: Sample[], k: keyof Sample) => median(xs.map((x) => x[k] ?? Number.NaN));
    const baseRps = med(baseline, 'reqPerSec');
    const appRps = med(measured, 'reqPerSec');
    const ratio = appRps / baseRps;
    const appP99 = med(measured, 'p99');
    const failures = measured.reduce((n, s) => n + s.errors + s.non2xx, 0);
    const perRunRatios = measured.map((s, i) => round(s.reqPerSec / baseline[i]!.reqPerSec, 3));

    const goals: GoalCheck[] = [
      {
        bench: 'P1',
        goal: `req/s ≥ ${GOAL_RATIO * 100}% of the Express hello-world`,
        measured: `${fmt(ratio * 100)}% (${fmt(appRps, 0)} / ${fmt(baseRps, 0)} req/s)`,
        met: failures === 0 ? ratio >= GOAL_RATIO : false,
      },
      {
        bench: 'P1',
        goal: `p99 ≤ ${GOAL_P99_MS} ms`,
        measured: `${fmt(appP99, 0)} ms`,
        met: failures === 0 ? appP99 <= GOAL_P99_MS : false,
      },
    ];
    const markdown = [
      `${connections} connections × ${duration} s per run (after a ${warmup} s warm-up), ${options.runs} runs alternating, medians shown; autocannon in the driver process, each server in its own process.`,
      '',
      mdTable(
        [
          'Target',
          'req/s',
          'p50 ms',
          'p99 ms',
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
            baseline.reduce((n, s) => n + s.errors + s.non2xx, 0),
            '—',
            '—',
          ],
          [
            'GET /api/assessments/:id (cookie)',
            fmt(appRps, 0),
            fmt(med(measured, 'p50'), 0),
            fmt(appP99, 0),
            failures,
            fmt(med(measured, 'cpuPercentOfCore'), 0),
            `${fmt(med(measured, 'serverCpuMsPerRequest'), 2)} / ${fmt(med(measured, 'pgCpuMsPerRequest'), 2)}`,
          ],
          ['**Ratio app / baseline**', `**${fmt(ratio * 100)}%**`, '', '', '', '', ''],
        ],
      ),
      '',
      `Per-run ratios: ${perRunRatios.map((r) => `${fmt(r * 100)}%`).join(', ')}.`,
    ].join('\n');
    return {
      id: 'p1',
      title: 'P1 throughput',
      markdown,
      goals,
      data: {
        connections,
        durationSeconds: duration,
        warmupSeconds: warmup,
        baseline,
        app: measured,
        medians: {
          baselineReqPerSec: baseRps,
          appReqPerSec: appRps,
          appP50: med(measured, 'p50'),
          appP99,
          ratio,
        },
        perRunRatios,
      },
    };
  } finally {
    await hello?.stop().catch(() => {});
    await target$.stop();
  }
}
