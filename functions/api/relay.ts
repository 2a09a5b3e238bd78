/**
 * The outbox relay entry: an EventBridge schedule invokes it to publish `assessment.submitted` (and
 * any other outbox rows) to the event bus. Submit also publishes inline; this catches what that missed.
 */
import type { Context } from 'aws-lambda';
import { createPostgresDatabase } from './platform/db/postgres';
import { createEventBridgePublisher } from './platform/events/events';
import { drainOutbox } from './platform/events/outbox';
import { jobConfig } from './runtime/profiles';

const config = jobConfig();
const database = createPostgresDatabase(config);
const publisher = createEventBridgePublisher(config);

export function handler(_event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) {
  return drainOutbox(database.db, publisher, () => context?.getRemainingTimeInMillis() ?? 0);
}
