/**
 * One P5 load run: `drive` starts the virtual users at the arrival rate, `measure` wraps it with the
 * server's, the stand-ins', PostgreSQL's and this driver's CPU, the server's RSS and the database's
 * connection count (bench/journey/index.ts runs the levels and reports).
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchDatabase } from '../lib/db';
import { watchDatabase } from '../lib/db-watch';
import type { Timing } from '../lib/http';
import { cpuBetween, type ServerProcess } from '../lib/proc';
import { median, percentile } from '../lib/stats';
import { type appJourney, JourneyError, type Pacing, S3_ROUTE } from './journeys';

type Journey = typeof appJourney;

export interface LoadRun {
  users: number;
  wallSeconds: number;
  journeysOk: number;
  journeysFailed: number;
  requests: number;
  errors: number;
  errorSamples: Record<string, number>;
  apiP50: number;
  apiP95: number;
  apiP99: number;
  routes: Record<string, { count: number; p50: number; p95: number; p99: number; max: number }>;
  serverCpuSeconds?: number;
  serverCpuPercentOfCore?: number;
  serverEventLoopUtilization?: number;
  /** Server RSS at the end of the run. */
  serverRssMb?: number;
  /** Server RSS sampled every second during the run: the peak, and the medians of its first and last tenth. */
  serverRssPeakMb?: number;
  serverRssFirstMb?: number;
  serverRssLastMb?: number;
  /** CPU of this driver process (the virtual users) during the run. */
  driverCpuSeconds?: number;
  /** CPU of the S3 and Cognito stand-ins' process, when separate. */
  standInsCpuSeconds?: number;
  pgBackendCpuSeconds?: number;
  pgConnectionsMax?: number;
  pgConnectionsMedian?: number;
}

/** Starts `users` journeys at the arrival rate, at most maxConcurrentUsers at a time. */
export async function drive(
  url: string,
  users: number,
  journey: Journey,
  pacing: Pacing,
  prefix: string,
): Promise<{
  timings: Timing[];
  ok: number;
  failed: number;
  errorSamples: Record<string, number>;
  wallMs: number;
}> {
  const timings: Timing[] = [];
  const record = (t: Timing) => timings.push(t);
  const errorSamples: Record<string, number> = {};
  let ok = 0;
  let failed = 0;
  let active = 0;
  const freed: (() => void)[] = [];
  const started = performance.now();
  const all: Promise<void>[] = [];
  for (let i = 0; i < users; i++) {
    const due = started + (i * 1000) / pacing.arrivalPerSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    while (active >= pacing.maxConcurrentUsers) await new Promise<void>((r) => freed.push(r));
    active++;
    all.push(
      journey(url, `${prefix}-${i}`, record, pacing)
        .then(() => {
          ok++;
        })
        .catch((err: Error) => {
          failed++;
          const key = (err instanceof JourneyError ? err.message : `${err.name}: ${err.message}`).slice(
            0,
            120,
          );
          errorSamples[key] = (errorSamples[key] ?? 0) + 1;
        })
        .finally(() => {
          active--;
          freed.shift()?.();
        }),
    );
  }
  await Promise.all(all);
  return { timings, ok, failed, errorSamples, wallMs: performance.now() - started };
}

function summarise(users: number, r: Awaited<ReturnType<typeof drive>>): LoadRun {
  const api = r.timings.filter((t) => t.route !== S3_ROUTE);
  const byRoute = new Map<string, number[]>();
  for (const t of r.timings) {
    const list = byRoute.get(t.route) ?? [];
    list.push(t.ms);
    byRoute.set(t.route, list);
  }
  const apiMs = api.map((t) => t.ms);
  return {
    users,
    wallSeconds: r.wallMs / 1000,
    journeysOk: r.ok,
    journeysFailed: r.failed,
    requests: r.timings.length,
    errors: r.timings.filter((t) => !t.ok).length,
    errorSamples: r.errorSamples,
    apiP50: percentile(apiMs, 50),
    apiP95: percentile(apiMs, 95),
    apiP99: percentile(apiMs, 99),
    routes: Object.fromEntries(
      [...byRoute].map(([route, ms]) => [
        route,
        {
          count: ms.length,
          p50: percentile(ms, 50),
          p95: percentile(ms, 95),
          p99: percentile(ms, 99),
          max: Math.max(...ms),
        },
      ]),
    ),
  };
}

export async function measure(
  server: ServerProcess,
  db: BenchDatabase | undefined,
  users: number,
  journey: Journey,
  pacing: Pacing,
  prefix: string,
  standIns?: ServerProcess,
): Promise<LoadRun> {
  const watch = db ? watchDatabase(db) : undefined;
  const before = await server.stats();
  const standInsBefore = await standIns?.stats();
  const rss: number[] = [];
  const sampler = setInterval(() => {
    server.stats().then(
      (s) => rss.push(s.rssBytes / 1024 / 1024),
      () => {},
    );
  }, 1000);
  const driverBefore = process.cpuUsage();
  const t0 = performance.now();
  const r = await drive(server.url, users, journey, pacing, prefix).finally(() => clearInterval(sampler));
  const wall = performance.now() - t0;
  const driverCpu = process.cpuUsage(driverBefore);
  const tenth = Math.max(1, Math.floor(rss.length / 10));
  const cpu = cpuBetween(before, await server.stats(), wall);
  const standInsCpu =
    standIns && standInsBefore ? cpuBetween(standInsBefore, await standIns.stats(), wall) : undefined;
  const pg = await watch?.();
  return {
    ...summarise(users, r),
    serverCpuSeconds: cpu.cpuSeconds,
    serverCpuPercentOfCore: cpu.cpuPercentOfCore,
    serverEventLoopUtilization: cpu.eventLoopUtilization,
    serverRssMb: cpu.rssMb,
    serverRssPeakMb: rss.length ? Math.max(...rss) : undefined,
    serverRssFirstMb: rss.length ? median(rss.slice(0, tenth)) : undefined,
    serverRssLastMb: rss.length ? median(rss.slice(-tenth)) : undefined,
    driverCpuSeconds: (driverCpu.user + driverCpu.system) / 1e6,
    standInsCpuSeconds: standInsCpu?.cpuSeconds,
    pgConnectionsMax: pg?.max,
    pgConnectionsMedian: pg?.median,
    pgBackendCpuSeconds: pg?.backendCpuSeconds,
  };
}
