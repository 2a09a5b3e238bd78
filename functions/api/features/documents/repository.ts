import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import { assessments, documents } from '../../platform/db/schema';
import type { Executor } from '../assessments/repository';

export type DocumentRow = typeof documents.$inferSelect;

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

export async function markUploaded(db: Database, docId: string): Promise<DocumentRow> {
  const [row] = await db
    .update(documents)
    .set({ status: 'uploaded' })
    .where(eq(documents.id, docId))
    .returning();
  return row!;
}

export async function deleteDocument(db: Database, docId: string): Promise<void> {
  await db.delete(documents).where(eq(documents.id, docId));
}
