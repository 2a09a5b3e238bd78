/**
 * The outbox relay entry: an EventBridge schedule invokes it to publish `assessment.submitted` (and
 * any other outbox rows) to the event bus. Submit also publishes inline; this catches what that missed.
 */
import type { Context } from 'aws-lambda';
import { loadConfig } from './config';
import { createPostgresDatabase } from './platform/db/postgres';
import { createEventBridgePublisher } from './platform/events/events';
import { type RelayResult, relayOutbox } from './platform/events/relay';

const env = loadConfig('lambda');
const config = { ...env, db: { ...env.db, poolMax: 1 } };
const database = createPostgresDatabase(config);
const publisher = createEventBridgePublisher(config);

const BATCH = 50;
/** Leave this much of the invocation for the last batch's publish and commit. */
const RESERVE_MS = 10_000;

export async function handler(_event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) {
  const total: RelayResult = { published: 0, failed: 0 };
  // Drain in batches while full batches keep coming and time remains.
  for (;;) {
    const batch = await relayOutbox(database.db, publisher, { limit: BATCH });
    total.published += batch.published;
    total.failed += batch.failed;
    if (batch.published + batch.failed < BATCH || batch.failed > 0) break;
    if ((context?.getRemainingTimeInMillis() ?? 0) < RESERVE_MS) break;
  }
  return total;
}
