import { and, asc, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/database';
import { outbox } from '../db/tables';
import type { EventPublisher } from './events';

/**
 * The transactional outbox: every statement on the `outbox` table is here. A feature records an
 * event in its own transaction (`recordEvent`); the relay publishes it later.
 */

/** Records an event in the caller's transaction; it is published once that commits. */
export async function recordEvent(tx: Executor, type: string, payload: unknown): Promise<void> {
  await tx.insert(outbox).values({ type, payload });
}

/** Forgets the events about a user or their assessments (account deletion): payloads hold their ids. */
export async function deleteEventsOf(tx: Executor, userId: string, assessmentIds: string[]): Promise<void> {
  await tx.delete(outbox).where(
    or(
      sql`${outbox.payload}->>'userId' = ${userId}`,
      assessmentIds.length
        ? sql`${outbox.payload}->>'assessmentId' in (${sql.join(
            assessmentIds.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : undefined,
    ),
  );
}

export interface RelayResult {
  published: number;
  failed: number;
}

/**
 * Publishes unpublished outbox rows. Rows are claimed with `FOR UPDATE SKIP LOCKED`, so two relays
 * never publish the same row at once; each event carries its row id for consumers to de-duplicate
 * the rare re-delivery after a crash between publish and commit.
 */
export async function relayOutbox(
  db: Database,
  publisher: EventPublisher,
  options: { limit?: number } = {},
): Promise<RelayResult> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outbox)
      .where(isNull(outbox.publishedAt))
      .orderBy(asc(outbox.createdAt))
      .limit(options.limit ?? 50)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return { published: 0, failed: 0 };
    const ids = rows.map((r) => r.id);
    let accepted: string[] = [];
    try {
      accepted = await publisher.publish(rows);
    } catch {
      accepted = [];
    }
    const failed = ids.filter((id) => !accepted.includes(id));
    if (accepted.length) {
      await tx
        .update(outbox)
        .set({ publishedAt: sql`now()`, attempts: sql`${outbox.attempts} + 1` })
        .where(inArray(outbox.id, accepted));
    }
    if (failed.length) {
      await tx
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1` })
        .where(and(inArray(outbox.id, failed), isNull(outbox.publishedAt)));
    }
    return { published: accepted.length, failed: failed.length };
  });
}

/**
 * Drains the outbox in batches while full batches keep coming and time remains, leaving `reserveMs`
 * of the invocation for the last batch's publish and commit. Stops at the first failure: the next
 * scheduled run retries.
 */
export async function drainOutbox(
  db: Database,
  publisher: EventPublisher,
  remainingMs: () => number,
  { batch = 50, reserveMs = 10_000 } = {},
): Promise<RelayResult> {
  const total: RelayResult = { published: 0, failed: 0 };
  for (;;) {
    const done = await relayOutbox(db, publisher, { limit: batch });
    total.published += done.published;
    total.failed += done.failed;
    if (done.published + done.failed < batch || done.failed > 0) break;
    if (remainingMs() < reserveMs) break;
  }
  return total;
}
