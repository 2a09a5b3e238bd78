/** Options every bench receives from bench/run.ts. */
export interface BenchOptions {
  /** Short runs for development: fewer seconds, fewer users; figures are indicative only. */
  quick: boolean;
  /** Repetitions per figure; the summary reports their median. @default 3 */
  runs: number;
  /** Admin connection to the real PostgreSQL (a fresh database is created per bench run). */
  adminUrl: string;
  /** Where results (and CPU profiles) go. */
  resultsDir: string;
  /** Start the server under test with `--cpu-prof`, profiles written to resultsDir/profiles. */
  cpuProf: boolean;
  /**
   * P1: also run the production bundle with each observability feature switched off through the
   * variables its config already reads (tracing, the access log, metrics), to price each feature.
   * @default false
   */
  ablate: boolean;
  /** Run s3rver and cognito-local inside the server process (the plain local entry). @default false */
  standInsInProcess: boolean;
  /**
   * The app server: `production` = dist/runtime/server.js when built (else tsx), `tsx` = the source
   * run by tsx. @default production
   */
  server: 'production' | 'tsx';
  /** Extra config variables for the app server (e.g. DB_POOL_MAX=20). */
  serverEnv: Record<string, string>;
  log(message: string): void;
}
