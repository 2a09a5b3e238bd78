import type { Config } from './config';
import type { AppDeps } from './deps';
import type { StaticCredentials } from './platform/aws/client-settings';
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
 * Builds every dependency of the app from config. Runtime profiles pass overrides for what they own
 * (the local profile's database, a test's clock) and, for endpoints that are not AWS (the
 * stand-ins), fixed credentials; otherwise the AWS clients use the role's.
 */
export function buildDeps(
  config: Config,
  overrides: Partial<AppDeps> = {},
  credentials?: StaticCredentials,
): AppDeps {
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
      ? createEventBridgePublisher(config, tracing.captureClient, credentials)
      : createInProcessPublisher((event) =>
          logger.info('event published (in-process bus)', { eventId: event.id, type: event.type }),
        ));
  return {
    config,
    db,
    // Browsers may reach the S3 stand-in at another address than the server does (S3_PUBLIC_ENDPOINT).
    storage: overrides.storage ?? createStorage(config, { capture: tracing.captureClient, credentials }),
    identity: overrides.identity ?? createIdentity(config, tracing.captureClient, credentials),
    events,
    logger,
    tracing,
    metrics:
      overrides.metrics ??
      createMetrics({ serviceName: config.serviceName, enabled: config.mode !== 'local' }),
    ...overrides,
  };
}
