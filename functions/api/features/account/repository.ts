import { eq, inArray } from 'drizzle-orm';
import type { Database, Transaction } from '../../platform/db/database';
import { assessmentResponses, assessments, documents, users } from '../../platform/db/tables';
import { deleteEventsOf } from '../../platform/events/outbox';

export async function findUser(db: Database, userId: string) {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row;
}

/** Every assessment of the user, oldest first, with its answers and documents (three queries in all). */
export async function assessmentsWithData(db: Database, userId: string) {
  const rows = await db
    .select()
    .from(assessments)
    .where(eq(assessments.userId, userId))
    .orderBy(assessments.createdAt);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [answers, docs] = await Promise.all([
    db.select().from(assessmentResponses).where(inArray(assessmentResponses.assessmentId, ids)),
    db.select().from(documents).where(inArray(documents.assessmentId, ids)).orderBy(documents.createdAt),
  ]);
  return rows.map((row) => ({
    row,
    responses: answers.filter((a) => a.assessmentId === row.id),
    documents: docs.filter((d) => d.assessmentId === row.id),
  }));
}

/** The user's assessments, row-locked until the transaction ends (no upload or submit meanwhile). */
export async function lockAssessmentIds(tx: Transaction, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(eq(assessments.userId, userId))
    .for('update');
  return rows.map((r) => r.id);
}

/**
 * Deletes the user's row, and with it (foreign-key cascades) sessions, assessments, answers and
 * document rows; outbox rows carry the user in their payload and are deleted explicitly.
 */
export async function deleteUserRows(
  tx: Transaction,
  userId: string,
  assessmentIds: string[],
): Promise<void> {
  await deleteEventsOf(tx, userId, assessmentIds);
  await tx.delete(users).where(eq(users.id, userId));
}
