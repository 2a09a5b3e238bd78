import type { HealthResponse } from '../../contract/health';
import type { AppDeps } from '../../deps';

/** Resolves true when the check passes within `ms`, false otherwise; never hangs. */
async function within(ms: number, check: () => Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      check().then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Checks db, s3 and cognito in parallel, each bounded by the dependency timeout. */
export async function checkHealth(
  deps: Pick<AppDeps, 'db' | 'storage' | 'identity' | 'config' | 'clock'>,
): Promise<HealthResponse> {
  const ms = deps.config.dependencyTimeoutMs;
  const [db, s3, cognito] = await Promise.all([
    within(ms, () => deps.db.ping()),
    within(ms, () => deps.storage.ping()),
    within(ms, () => deps.identity.ping()),
  ]);
  const up = (ok: boolean): 'up' | 'down' => (ok ? 'up' : 'down');
  return {
    status: db && s3 && cognito ? 'healthy' : 'unhealthy',
    timestamp: (deps.clock?.() ?? new Date()).toISOString(),
    version: deps.config.version,
    services: { db: up(db), s3: up(s3), cognito: up(cognito) },
  };
}
