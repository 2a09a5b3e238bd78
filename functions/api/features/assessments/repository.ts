import { and, count, desc, eq, inArray, isNotNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { AnswerValue } from '../../contract/questionnaire';
import { builtOnce, type Database, type Executor } from '../../platform/db/database';
import { assessmentResponses, assessments, users } from '../../platform/db/tables';

export type AssessmentRow = typeof assessments.$inferSelect;

export async function insertAssessment(db: Executor, userId: string, name: string): Promise<AssessmentRow> {
  const [row] = await db.insert(assessments).values({ userId, name }).returning();
  return row!;
}

/** The assessment if it belongs to the user; with `lock`, row-locked until the transaction ends. */
export async function findOwned(db: Executor, userId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(assessments)
    .where(and(eq(assessments.id, id), eq(assessments.userId, userId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** A document as the detail query returns it (created_at is JSON text there). */
export interface DetailDocument {
  id: string;
  fileName: string;
  fileType: string;
  sizeBytes: number;
  status: 'pending' | 'uploaded';
  createdAt: string;
}

const ownedDetail = builtOnce((db: Executor) =>
  db
    .select({
      assessment: assessments,
      // Qualified by hand: drizzle leaves columns unqualified in a one-table select, where `id`
      // inside the subquery would resolve to the subquery's own table.
      responses: sql<Record<string, AnswerValue>>`coalesce((
        select jsonb_object_agg(r.question_id, r.response_value)
        from assessment_responses r where r.assessment_id = "assessments"."id"), '{}'::jsonb)`,
      documents: sql<DetailDocument[]>`coalesce((
        select jsonb_agg(jsonb_build_object('id', d.id, 'fileName', d.file_name, 'fileType', d.file_type,
          'sizeBytes', d.size_bytes, 'status', d.status, 'createdAt', d.created_at) order by d.created_at)
        from documents d where d.assessment_id = "assessments"."id"), '[]'::jsonb)`,
    })
    .from(assessments)
    .where(and(eq(assessments.id, sql.placeholder('id')), eq(assessments.userId, sql.placeholder('userId')))),
);

/**
 * The owned assessment with its answers and documents in one round trip (the detail page is the
 * hottest read: three sequential queries held a pooled connection three times as long). Built once.
 */
export async function findOwnedDetail(db: Executor, userId: string, id: string) {
  const [row] = await ownedDetail(db).execute({ id, userId });
  return row;
}

export async function responsesOf(db: Executor, id: string): Promise<Record<string, AnswerValue>> {
  const rows = await db
    .select({ questionId: assessmentResponses.questionId, value: assessmentResponses.responseValue })
    .from(assessmentResponses)
    .where(eq(assessmentResponses.assessmentId, id));
  return Object.fromEntries(rows.map((r) => [r.questionId, r.value as AnswerValue]));
}

export async function upsertResponses(
  tx: Executor,
  id: string,
  values: { questionId: string; domainId: string; value: AnswerValue }[],
  now: Date,
): Promise<void> {
  if (values.length === 0) return;
  await tx
    .insert(assessmentResponses)
    .values(
      values.map((v) => ({
        assessmentId: id,
        questionId: v.questionId,
        domainId: v.domainId,
        responseValue: v.value,
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [assessmentResponses.assessmentId, assessmentResponses.questionId],
      set: { responseValue: sql`excluded.response_value`, updatedAt: now },
    });
}

export async function deleteResponses(tx: Executor, id: string, questionIds: string[]): Promise<void> {
  if (questionIds.length === 0) return;
  await tx
    .delete(assessmentResponses)
    .where(
      and(eq(assessmentResponses.assessmentId, id), inArray(assessmentResponses.questionId, questionIds)),
    );
}

/** Bumps the version and counts the answers in the same statement (one round trip, not two). */
export async function bumpVersion(
  tx: Executor,
  id: string,
  now: Date,
): Promise<{ version: number; answered: number }> {
  const [row] = await tx
    .update(assessments)
    .set({ version: sql`${assessments.version} + 1`, updatedAt: now })
    .where(eq(assessments.id, id))
    .returning({
      version: assessments.version,
      // Sees this transaction's earlier upserts and deletes: they are earlier statements.
      answered: sql<number>`(select count(*)::int from assessment_responses r where r.assessment_id = "assessments"."id")`,
    });
  return row!;
}

export async function markSubmitted(
  tx: Executor,
  id: string,
  triage: unknown,
  now: Date,
): Promise<AssessmentRow> {
  const [row] = await tx
    .update(assessments)
    .set({
      status: 'submitted',
      submittedAt: now,
      triageResults: triage,
      version: sql`${assessments.version} + 1`,
      updatedAt: now,
    })
    .where(eq(assessments.id, id))
    .returning();
  return row!;
}

/** Row-locks the user until the transaction ends: a burst of creates then counts one at a time. */
export async function lockUser(tx: Executor, userId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
}

export async function countDrafts(tx: Executor, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(assessments)
    .where(and(eq(assessments.userId, userId), eq(assessments.status, 'draft')));
  return row?.n ?? 0;
}

/** Where a page of the list starts: after this row in (updated_at, id) descending order. */
export interface ListPosition {
  /** updated_at with its microseconds, as PostgreSQL prints it in UTC. */
  updatedAt: string;
  id: string;
}

/**
 * One page of the user's assessments, most recently changed first (id breaks ties), with one row
 * more than asked for so the caller knows whether another page follows.
 */
export async function listPage(db: Database, userId: string, limit: number, after?: ListPosition) {
  const where: SQL[] = [eq(assessments.userId, userId)];
  if (after) {
    where.push(
      sql`(${assessments.updatedAt}, ${assessments.id}) < (${after.updatedAt}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return db
    .select({
      id: assessments.id,
      name: assessments.name,
      status: assessments.status,
      version: assessments.version,
      createdAt: assessments.createdAt,
      updatedAt: assessments.updatedAt,
      submittedAt: assessments.submittedAt,
      position: sql<string>`to_char(${assessments.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      answered: sql<number>`(select count(*)::int from ${assessmentResponses} where ${assessmentResponses.assessmentId} = ${assessments.id})`,
    })
    .from(assessments)
    .where(and(...where))
    .orderBy(desc(assessments.updatedAt), desc(assessments.id))
    .limit(limit + 1);
}

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
