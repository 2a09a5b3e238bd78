import type { DocumentView } from '../../contract/documents';
import type { documents } from '../../platform/db/tables';

/**
 * What other features may use of documents: how a stored document is shown, and where an
 * assessment's files live in S3 (assessments and account delete them with the assessment).
 */

type DocumentRow = typeof documents.$inferSelect;

/** A stored document as the API shows it (its own operations, the assessment detail, the export). */
export function toDocumentView(
  d: Pick<DocumentRow, 'id' | 'fileName' | 'fileType' | 'sizeBytes' | 'status' | 'createdAt'>,
): DocumentView {
  return {
    id: d.id,
    fileName: d.fileName,
    contentType: d.fileType,
    sizeBytes: d.sizeBytes,
    status: d.status,
    createdAt: d.createdAt.toISOString(),
  };
}

/** Every object of the assessment's documents is stored under this prefix. */
export const assessmentPrefix = (assessmentId: string) => `assessments/${assessmentId}/`;

/** A safe S3 key segment: the name without anything S3 or a shell would treat specially. */
export function keySafeName(fileName: string): string {
  return (
    fileName
      .normalize('NFKC')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .slice(0, 120) || 'file'
  );
}

/** Where a document's object is stored. */
export const documentKey = (assessmentId: string, docId: string, fileName: string) =>
  `${assessmentPrefix(assessmentId)}${docId}/${keySafeName(fileName)}`;
