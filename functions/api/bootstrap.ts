import type { Config } from './config';
import type { AppDeps } from './deps';
import type { DatabaseHandle } from './platform/db/database';
import { createPostgresDatabase } from './platform/db/postgres';
import {
  createEventBridgePublisher,
  createInProcessPublisher,
  type EventPublisher,
} from './platform/events/events';
import { createIdentity } from './platform/identity/identity';
import { createLogger } from './platform/observability/logger';
import { createMetrics } from './platform/observability/metrics';
import { createTracing } from './platform/observability/tracer';
import { createStorage } from './platform/storage/storage';

/**
 * Builds every dependency of the app from config. Entries pass overrides for what they own
 * (the local entry's PGlite database, a test's clock).
 */
export function buildDeps(config: Config, overrides: Partial<AppDeps> = {}): AppDeps {
  const logger =
    overrides.logger ??
    createLogger({ serviceName: config.serviceName, logLevel: config.logLevel, persistentKeys: undefined });
  const tracing =
    overrides.tracing ??
    createTracing({ mode: config.mode, serviceName: config.serviceName, enabled: config.tracingEnabled });
  const db: DatabaseHandle = overrides.db ?? createPostgresDatabase(config, tracing);
  const events: EventPublisher =
    overrides.events ??
    (config.events.busName
      ? createEventBridgePublisher(config, tracing.captureClient)
      : createInProcessPublisher((event) =>
          logger.info('event published (in-process bus)', { eventId: event.id, type: event.type }),
        ));
  return {
    config,
    db,
    // Browsers may reach the S3 stand-in at another address than the server does (S3_PUBLIC_ENDPOINT).
    storage: overrides.storage ?? createStorage(config, undefined, undefined, tracing.captureClient),
    identity: overrides.identity ?? createIdentity(config, tracing.captureClient),
    events,
    logger,
    tracing,
    metrics:
      overrides.metrics ??
      createMetrics({ serviceName: config.serviceName, enabled: config.mode !== 'local' }),
    ...overrides,
  };
}
