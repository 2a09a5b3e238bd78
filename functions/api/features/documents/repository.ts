import { and, count, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database';
import { assessments, documents } from '../../platform/db/tables';

export type DocumentRow = typeof documents.$inferSelect;

/** The assessment's status if it belongs to the user, row-locked until the transaction ends. */
export async function lockOwnedAssessment(tx: Executor, userId: string, assessmentId: string) {
  const [row] = await tx
    .select({ status: assessments.status })
    .from(assessments)
    .where(and(eq(assessments.id, assessmentId), eq(assessments.userId, userId)))
    .for('update');
  return row;
}

export async function countDocuments(db: Executor, assessmentId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(documents)
    .where(eq(documents.assessmentId, assessmentId));
  return row?.n ?? 0;
}

export async function insertDocument(
  db: Executor,
  values: {
    id: string;
    assessmentId: string;
    s3Key: string;
    fileName: string;
    fileType: string;
    sizeBytes: number;
  },
): Promise<DocumentRow> {
  const [row] = await db.insert(documents).values(values).returning();
  return row!;
}

/** The document and its assessment's status, if the assessment belongs to the user. */
export async function findOwnedDocument(db: Database, userId: string, assessmentId: string, docId: string) {
  const [row] = await db
    .select({ document: documents, assessmentStatus: assessments.status })
    .from(documents)
    .innerJoin(assessments, eq(assessments.id, documents.assessmentId))
    .where(
      and(eq(documents.id, docId), eq(documents.assessmentId, assessmentId), eq(assessments.userId, userId)),
    );
  return row;
}

/**
 * Freezes the document on the version that was checked. Only a pending row changes, so of two
 * completes racing on different versions, the first one wins and the second reads it back.
 */
export async function markUploaded(
  db: Database,
  docId: string,
  recorded: { versionId: string | null; sha256: string },
): Promise<DocumentRow | undefined> {
  const [row] = await db
    .update(documents)
    .set({ status: 'uploaded', ...recorded })
    .where(and(eq(documents.id, docId), eq(documents.status, 'pending')))
    .returning();
  return row;
}

export async function deleteDocument(db: Database, docId: string): Promise<void> {
  await db.delete(documents).where(eq(documents.id, docId));
}
