import type { Logger } from '@aws-lambda-powertools/logger';
import type { Config } from './config';
import type { DatabaseHandle } from './platform/db/database';
import type { EventPublisher } from './platform/events/events';
import type { Identity } from './platform/identity/identity';
import type { AppMetrics } from './platform/observability/metrics';
import type { Tracing } from './platform/observability/tracer';
import type { Storage } from './platform/storage/storage';

/** Ids of the current Lambda invocation, when running on Lambda. */
export interface InvocationIds {
  /** API Gateway's request id (`requestContext.requestId`). */
  apiRequestId?: string;
  /** The Lambda invocation's `awsRequestId`. */
  lambdaRequestId?: string;
}

/** Everything createApp needs, built by an entry point from config. */
export interface AppDeps {
  config: Config;
  db: DatabaseHandle;
  storage: Storage;
  identity: Identity;
  events: EventPublisher;
  logger: Logger;
  metrics: AppMetrics;
  /** X-Ray tracing; a no-op locally and in tests. */
  tracing?: Tracing;
  /** The clock; tests pass a fixed one. */
  clock?: () => Date;
  /** Lambda only: the current invocation's ids. */
  invocation?: () => InvocationIds | undefined;
  /** Fargate only: the ECS task id, for access logs. */
  taskId?: string;
}
