/**
 * The composition root off the cloud: the local, test and bench profiles. Like the cloud profiles
 * (functions/api/runtime/profiles.ts) each returns `{ config, deps }`; here is where the stand-ins'
 * endpoints, their credentials, the pool size and the per-purpose settings are decided. Only dev
 * tooling imports this file; the production bundle never does.
 */
import { buildDeps } from '../../functions/api/bootstrap';
import { type Config, loadConfig } from '../../functions/api/config';
import type { AppDeps } from '../../functions/api/deps';
import type { DatabaseHandle } from '../../functions/api/platform/db/database';
import { createInProcessPublisher, type OutboxEvent } from '../../functions/api/platform/events/events';
import { capPool, POOL_MAX, type Runtime } from '../../functions/api/runtime/profiles';
import { STAND_IN_CREDENTIALS, type StandInEndpoints, standInEnv } from '../stand-ins/env';

/** `local`: npm start. `test`: the test suites (silent, events kept). `bench`: production-like, silent. */
export type Purpose = 'local' | 'test' | 'bench';

/** What each purpose sets; the caller's `env` may still override any of it. */
const PURPOSE_ENV: Record<Purpose, (quiet: boolean) => Record<string, string>> = {
  local: (quiet) => ({ NODE_ENV: 'development', LOG_LEVEL: quiet ? 'SILENT' : 'INFO' }),
  // A raised auth rate limit: a suite signs up many users from one address.
  test: () => ({ NODE_ENV: 'test', LOG_LEVEL: 'SILENT', AUTH_RATE_LIMIT: '1000' }),
  bench: () => ({ NODE_ENV: 'production', LOG_LEVEL: 'SILENT', AUTH_RATE_LIMIT: '1000000' }),
};

export interface ProfileOptions {
  purpose: Purpose;
  /** The origins browsers use to reach the app (CORS, cookie-authenticated writes). */
  origins: string[];
  standIns: StandInEndpoints;
  staticDir?: string;
  /** Silence the app's logs (local purpose). */
  quiet?: boolean;
  /** Extra config variables, e.g. DATABASE_URL or AUTH_RATE_LIMIT. */
  env?: Record<string, string | undefined>;
}

/** The config of a local-purpose runtime: plain HTTP, no proxy in front, the stand-ins, no TLS to a local database. */
export function localConfig(options: ProfileOptions): Config {
  const config = loadConfig(
    'local',
    {
      ...PURPOSE_ENV[options.purpose](options.quiet ?? false),
      TRUST_PROXY: '0',
      ALLOWED_ORIGINS: options.origins.join(','),
      STATIC_DIR: options.staticDir,
      DB_TLS: 'off',
      AWS_REGION: 'us-east-1',
      ...standInEnv(options.standIns.s3, options.standIns.cognito, options.standIns.eventBridge),
      ...options.env,
    },
    // Nothing inherited from this process: the profile decides.
    {},
  );
  return capPool(config, POOL_MAX.local);
}

export interface LocalRuntime extends Runtime {
  /** Events the in-process bus received (when no EventBridge stand-in is set). */
  published: OutboxEvent[];
}

/** The deps of a local-purpose runtime on `db`, with the stand-ins' credentials. */
export function localRuntime(
  config: Config,
  db: DatabaseHandle,
  overrides: Partial<AppDeps> = {},
): LocalRuntime {
  const bus = createInProcessPublisher((event) =>
    deps.logger.info('event published (in-process bus)', { eventId: event.id, type: event.type }),
  );
  const events = config.events.busName ? {} : { events: bus };
  const deps: AppDeps = buildDeps(config, { db, ...events, ...overrides }, STAND_IN_CREDENTIALS);
  return { config, deps, published: bus.published };
}
