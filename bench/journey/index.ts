/**
 * P5 journey load: N virtual users each run the whole journey (register, log in, load the
 * questionnaire, create, answer every domain over 12 autosaves, 3 upload slots with uploads to the
 * S3 stand-in and completes, submit, view the result). Users arrive over a ramp and pause between
 * steps like the client's autosave debounce. The same request pattern is replayed against the
 * Express hello-world as the baseline (the floor set by the driver and the machine).
 */
import type { BenchOptions } from '../lib/options';
import { type ServerProcess, spawnServer } from '../lib/proc';
import { startProfile, stopProfile } from '../lib/profile-summary';
import { type BenchResult, type GoalCheck, mdTable } from '../lib/report';
import { fmt, median, round } from '../lib/stats';
import { startAppTarget } from '../lib/target';
import { drive, type LoadRun, measure } from './drive';
import { appJourney, baselineJourney, type Pacing } from './journeys';

/** Issue 11: 1,000 concurrent users on this 2-core machine, driver included. */
const GOAL_USERS = 1000;
const GOAL_P95_MS = 100;
const WARMUP_JOURNEYS = 5;

interface LevelResult {
  users: number;
  app: LoadRun[];
  baseline: LoadRun[];
}

const med = (runs: LoadRun[], pick: (r: LoadRun) => number | undefined) =>
  median(runs.map((r) => pick(r) ?? Number.NaN));

const pct = (n: number) => (Number.isNaN(n) ? 'n/a' : `${fmt(n, 0)}%`);

function levelTable(levels: LevelResult[]): string {
  return mdTable(
    [
      'Users',
      'Journeys ok / failed',
      'Request errors',
      'API p50 ms',
      'API p95 ms',
      'API p99 ms',
      'Baseline p95 ms',
      'Server CPU s (% of a core)',
      'Event loop busy',
      'Stand-ins CPU s',
      'PG backends CPU s',
      'Driver CPU s',
      'Server RSS MB: first tenth / last tenth / peak',
      'PG connections max (median)',
      'Wall s',
    ],
    levels.map((l) => [
      l.users,
      `${l.app.reduce((n, r) => n + r.journeysOk, 0)} / ${l.app.reduce((n, r) => n + r.journeysFailed, 0)}`,
      l.app.reduce((n, r) => n + r.errors, 0),
      fmt(med(l.app, (r) => r.apiP50)),
      fmt(med(l.app, (r) => r.apiP95)),
      fmt(med(l.app, (r) => r.apiP99)),
      fmt(med(l.baseline, (r) => r.apiP95)),
      `${fmt(med(l.app, (r) => r.serverCpuSeconds))} (${fmt(
        med(l.app, (r) => r.serverCpuPercentOfCore),
        0,
      )}%)`,
      pct(med(l.app, (r) => (r.serverEventLoopUtilization ?? Number.NaN) * 100)),
      fmt(med(l.app, (r) => r.standInsCpuSeconds)),
      fmt(med(l.app, (r) => r.pgBackendCpuSeconds)),
      fmt(med(l.app, (r) => r.driverCpuSeconds)),
      `${fmt(
        med(l.app, (r) => r.serverRssFirstMb),
        0,
      )} / ${fmt(
        med(l.app, (r) => r.serverRssLastMb),
        0,
      )} / ${fmt(Math.max(...l.app.map((r) => r.serverRssPeakMb ?? 0)), 0)}`,
      `${fmt(Math.max(...l.app.map((r) => r.pgConnectionsMax ?? 0)), 0)} (${fmt(
        med(l.app, (r) => r.pgConnectionsMedian),
        0,
      )})`,
      fmt(med(l.app, (r) => r.wallSeconds)),
    ]),
  );
}

function routeTable(level: LevelResult): string {
  const routes = Object.keys(level.app[0]?.routes ?? {});
  return mdTable(
    ['Route', 'Requests per run', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    routes.map((route) => {
      const pick = (k: 'p50' | 'p95' | 'p99' | 'max') => fmt(med(level.app, (r) => r.routes[route]?.[k]));
      return [
        route,
        level.app[0]?.routes[route]?.count ?? 0,
        pick('p50'),
        pick('p95'),
        pick('p99'),
        pick('max'),
      ];
    }),
  );
}

export function parseUsers(spec: string | undefined, quick: boolean): number[] {
  if (spec) return spec.split(',').map((s) => Math.max(1, Number.parseInt(s, 10) || 1));
  return quick ? [10, 50] : [200, 500, 1000];
}

export async function run(options: BenchOptions, usersSpec?: string, thinkMs = 800): Promise<BenchResult> {
  const levels = parseUsers(usersSpec, options.quick);
  const runs = options.quick ? Math.min(options.runs, 1) : options.runs;
  const results: LevelResult[] = [];
  for (const users of levels) {
    // Ramp every level over ~10 s (the largest over 10 s at 20 users/s), all users may overlap.
    const pacing: Pacing = { arrivalPerSecond: Math.max(2, users / 10), thinkMs, maxConcurrentUsers: users };
    const target = await startAppTarget(options, 'p5');
    const { app, db } = target;
    let hello: ServerProcess | undefined;
    try {
      hello = await spawnServer('bench/lib/hello.ts');
      // Warm-up, unrecorded: a few journeys wake the JIT, the pool and the stand-ins on both servers.
      const warm: Pacing = { arrivalPerSecond: 50, thinkMs: 20, maxConcurrentUsers: 5 };
      await drive(app.url, WARMUP_JOURNEYS, appJourney, warm, `warm-${users}-${Date.now().toString(36)}`);
      await drive(hello.url, WARMUP_JOURNEYS, baselineJourney, warm, 'warm');
      const level: LevelResult = { users, app: [], baseline: [] };
      for (let i = 0; i < runs; i++) {
        const tag = `u${users}-r${i}-${Date.now().toString(36)}`;
        const order = i % 2 === 0 ? (['baseline', 'app'] as const) : (['app', 'baseline'] as const);
        for (const which of order) {
          if (which === 'baseline') {
            level.baseline.push(await measure(hello, undefined, users, baselineJourney, pacing, tag));
          } else {
            const profile =
              options.cpuProf && i === 0 && users === levels[levels.length - 1]
                ? await startProfile(app, options, `p5-${users}-app`)
                : undefined;
            const r = await measure(app, db, users, appJourney, pacing, tag, target.standIns);
            if (profile) await stopProfile(app, profile, options);
            level.app.push(r);
            options.log(
              `P5 ${users} users run ${i + 1}: ${r.journeysOk} ok, ${r.journeysFailed} failed, ${r.errors} errors, API p95 ${fmt(r.apiP95)} ms, p99 ${fmt(r.apiP99)} ms, server CPU ${fmt(r.serverCpuPercentOfCore, 0)}% of a core, PG conns max ${r.pgConnectionsMax}`,
            );
            if (Object.keys(r.errorSamples).length)
              options.log(`  errors: ${JSON.stringify(r.errorSamples)}`);
          }
        }
      }
      results.push(level);
    } finally {
      await hello?.stop().catch(() => {});
      await target.stop();
    }
  }

  const top = results.find((l) => l.users === GOAL_USERS) ?? results[results.length - 1]!;
  const topErrors = top.app.reduce((n, r) => n + r.errors + r.journeysFailed, 0);
  const topP95 = med(top.app, (r) => r.apiP95);
  // The server's pool cap: Fargate's 10 (runtime/profiles.ts), or a lower DB_POOL_MAX (--pool).
  const poolCap = Math.min(10, Number(options.serverEnv.DB_POOL_MAX ?? 10));
  const topConnections = Math.max(...top.app.map((r) => r.pgConnectionsMax ?? 0));
  const goals: GoalCheck[] = [
    {
      bench: 'P5',
      goal: `${GOAL_USERS} users, 0 errors`,
      measured: `${top.users} users, ${top.app.reduce((n, r) => n + r.errors, 0)} request errors, ${top.app.reduce((n, r) => n + r.journeysFailed, 0)} failed journeys`,
      met: top.users >= GOAL_USERS ? topErrors === 0 : undefined,
    },
    {
      bench: 'P5',
      goal: `API p95 ≤ ${GOAL_P95_MS} ms at ${GOAL_USERS} users`,
      measured: `${fmt(topP95)} ms at ${top.users} users (p99 ${fmt(med(top.app, (r) => r.apiP99))} ms)`,
      met: top.users >= GOAL_USERS ? topP95 <= GOAL_P95_MS : undefined,
    },
    {
      bench: 'P5',
      goal: `PostgreSQL connections ≤ the pool cap (${poolCap}) at ${GOAL_USERS} users`,
      measured: `${topConnections} at ${top.users} users`,
      met: top.users >= GOAL_USERS ? topConnections <= poolCap : undefined,
    },
  ];
  const first = results[0]!;
  const markdown = [
    `Each level: a fresh database and server; ${runs} run(s) per level, alternating with the baseline, medians shown. After ${WARMUP_JOURNEYS} unrecorded warm-up journeys, users arrive over ~10 s and pause ${thinkMs} ms between steps (the client's autosave debounce); each journey makes ${Object.values(first.app[0]?.routes ?? {}).reduce((n, r) => n + r.count, 0) / first.users} requests (3 of them to the S3 stand-in). "API" percentiles exclude the S3 uploads. The baseline replays the same request pattern against the Express hello-world (the floor set by the driver and the machine).`,
    '',
    options.standInsInProcess
      ? 'The S3 (s3rver) and Cognito (cognito-local) stand-ins run inside the server process (`--stand-ins in-process`), so the server CPU includes them: cognito-local signs JWTs and rewrites its JSON user store on every sign-up, and s3rver stores the uploads. In production these are AWS services.'
      : 'The S3 (s3rver) and Cognito (cognito-local) stand-ins run in their own process (their CPU is the "Stand-ins CPU" column), as AWS services are in production; they still share the machine\'s 2 cores with the server, PostgreSQL and the driver.',
    '',
    levelTable(results),
    '',
    ...results.flatMap((l) => [
      `Per route at ${l.users} users (medians of the runs' percentiles):`,
      '',
      routeTable(l),
      '',
    ]),
  ].join('\n');
  return {
    id: 'p5',
    title: 'P5 journey load',
    markdown,
    goals,
    data: {
      thinkMs,
      levels: results.map((l) => ({
        users: l.users,
        app: l.app.map((r) => ({ ...r, wallSeconds: round(r.wallSeconds, 2) })),
        baseline: l.baseline.map(({ routes: _routes, ...rest }) => rest),
      })),
    },
  };
}
