import { type BenchDatabase, createBenchDatabase } from './db';
import type { BenchOptions } from './options';
import { type ServerProcess, spawnServer } from './proc';
import type { ServeOptions, StandInEndpoints } from './serve';

/** The app under test: its database, its server process and, when separate, the stand-ins' process. */
export interface AppTarget {
  db: BenchDatabase;
  app: ServerProcess;
  standIns?: ServerProcess;
  stop(): Promise<void>;
}

/** How the benches run the app, for the summary. */
export function describeTarget(options: BenchOptions): string {
  return options.standInsInProcess
    ? "the local entry (`startLocal`), run by tsx in its own process, with s3rver and cognito-local in that same process (their CPU counts as the server's)"
    : 'the app wired like the local entry (`buildDeps` + `createApp` on `http.createServer`), run by tsx in its own process; s3rver and cognito-local in a third process, as AWS services are in production';
}

/** A fresh database, then the stand-ins (unless in-process) and the app server. */
export async function startAppTarget(
  options: BenchOptions,
  label: string,
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
    if (!options.standInsInProcess) {
      standIns = await spawnServer('bench/lib/stand-ins.ts');
      started.push(standIns);
    }
    const serve: ServeOptions = {
      databaseUrl: db.url,
      standIns: standIns ? (standIns.info as unknown as StandInEndpoints) : undefined,
      env: options.serverEnv,
      ...extra,
    };
    const app = await spawnServer('bench/lib/serve.ts', [JSON.stringify(serve)]);
    started.push(app);
    return { db, app, standIns, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
