import { and, desc, eq, isNotNull, lt, ne } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import { assessments } from '../../platform/db/schema';
import type { Executor } from './repository';

/** Renames the owned assessment; answers and version stay as they are. */
export async function rename(db: Database, userId: string, id: string, name: string, now: Date) {
  const [row] = await db
    .update(assessments)
    .set({ name, updatedAt: now })
    .where(and(eq(assessments.id, id), eq(assessments.userId, userId)))
    .returning({ id: assessments.id, name: assessments.name, updatedAt: assessments.updatedAt });
  return row;
}

/** Deletes the assessment row; its answers and document rows go with it (foreign-key cascade). */
export async function deleteAssessment(tx: Executor, id: string): Promise<void> {
  await tx.delete(assessments).where(eq(assessments.id, id));
}

/** The user's latest assessment submitted before `submittedAt`, for the change per domain. */
export async function previousSubmitted(db: Database, userId: string, id: string, submittedAt: Date) {
  const [row] = await db
    .select({
      id: assessments.id,
      name: assessments.name,
      submittedAt: assessments.submittedAt,
      triageResults: assessments.triageResults,
    })
    .from(assessments)
    .where(
      and(
        eq(assessments.userId, userId),
        ne(assessments.id, id),
        isNotNull(assessments.submittedAt),
        lt(assessments.submittedAt, submittedAt),
      ),
    )
    .orderBy(desc(assessments.submittedAt))
    .limit(1);
  return row;
}
