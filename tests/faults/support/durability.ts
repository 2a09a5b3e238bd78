import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../../functions/api/platform/db/database';
import { assessments, outbox } from '../../../functions/api/platform/db/tables';

type Db = DatabaseHandle['db'];

/** The ids of every submitted assessment, sorted. */
export async function submittedIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(eq(assessments.status, 'submitted'));
  return rows.map((r) => r.id).sort();
}

/** How many outbox events each assessment has. */
export function outboxEventsPerAssessment(db: Db) {
  return db
    .select({
      assessmentId: sql<string>`${outbox.payload}->>'assessmentId'`,
      n: sql<number>`count(*)::int`,
    })
    .from(outbox)
    .groupBy(sql`${outbox.payload}->>'assessmentId'`);
}
