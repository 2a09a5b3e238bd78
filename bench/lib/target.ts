import path from 'node:path';
import { type BenchDatabase, createBenchDatabase } from './db';
import type { BenchOptions } from './options';
import { type ServerProcess, spawnServer } from './proc';
import { bundleStaleness, hasProductionBundle, spawnProductionServer } from './prod-server';
import type { ServeOptions, StandInEndpoints } from './serve';

export type TargetKind = 'production' | 'tsx';

/** The app under test: its database, its server process and, when separate, the stand-ins' process. */
export interface AppTarget {
  kind: TargetKind;
  db: BenchDatabase;
  app: ServerProcess;
  standIns?: ServerProcess;
  stop(): Promise<void>;
}

/** Which server the benches use as the app: the production bundle when built, unless told otherwise. */
export function primaryKind(options: BenchOptions): TargetKind {
  if (options.server === 'tsx' || options.standInsInProcess) return 'tsx';
  return hasProductionBundle() ? 'production' : 'tsx';
}

/** How a kind of target runs, for the summary. */
export function describeKind(kind: TargetKind, options: BenchOptions): string {
  if (kind === 'production') {
    return '`node dist/runtime/server.js`, the production bundle run as the image runs it (Fargate mode: INFO access logs and EMF metrics to stdout, here /dev/null; X-Ray segments over UDP to a sink; EventBridge answered by a stand-in)';
  }
  return options.standInsInProcess
    ? "the local entry (`startLocal`) run by tsx, with s3rver and cognito-local in that same process (their CPU counts as the server's)"
    : 'the local entry (`startLocal`, bench profile: logs silenced, no tracing or metrics) run by tsx';
}

export function describeTargets(options: BenchOptions): string {
  const primary = primaryKind(options);
  const standIns = options.standInsInProcess
    ? ''
    : '; s3rver and cognito-local run in a process of their own, as AWS services are in production';
  const stale = primary === 'production' ? bundleStaleness() : undefined;
  const note =
    options.server === 'production' && primary !== 'production'
      ? ' (dist/runtime/server.js is missing: run `npm run build` for the production bundle)'
      : stale
        ? ` (**warning**: ${stale})`
        : '';
  return `${describeKind(primary, options)}${standIns}${note}`;
}

/** A fresh database, then the stand-ins (unless in-process) and the app server. */
export async function startAppTarget(
  options: BenchOptions,
  label: string,
  kind: TargetKind = primaryKind(options),
  extra: Pick<ServeOptions, 'staticDir'> = {},
): Promise<AppTarget> {
  const db = await createBenchDatabase(options.adminUrl, label);
  const started: ServerProcess[] = [];
  const stop = async () => {
    for (const p of started.reverse()) await p.stop().catch(() => {});
    await db.drop();
  };
  try {
    let standIns: ServerProcess | undefined;
    if (!options.standInsInProcess || kind === 'production') {
      standIns = await spawnServer('bench/lib/stand-ins.ts');
      started.push(standIns);
    }
    const endpoints = standIns ? (standIns.info as unknown as StandInEndpoints) : undefined;
    let app: ServerProcess;
    if (kind === 'production' && endpoints) {
      const profileDir = options.cpuProf
        ? path.join(options.resultsDir, 'profiles', `${label}-production`)
        : undefined;
      app = await spawnProductionServer(db.url, endpoints, options.serverEnv, profileDir);
    } else {
      const serve: ServeOptions = {
        databaseUrl: db.url,
        standIns: endpoints,
        env: options.serverEnv,
        ...extra,
      };
      app = await spawnServer('bench/lib/serve.ts', [JSON.stringify(serve)]);
    }
    started.push(app);
    return { kind, db, app, standIns, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
