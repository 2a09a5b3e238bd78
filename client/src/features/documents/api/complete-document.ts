import { z } from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { type AssessmentDocument, DocumentSchema } from '../../assessments/api/schemas';

export const CompleteDocumentResponseSchema = z.object({ document: DocumentSchema });

/** POST …/documents/:docId/complete: the server checks the stored object and marks it uploaded. */
export async function completeDocument(
  assessmentId: string,
  documentId: string,
): Promise<AssessmentDocument> {
  const body = await apiRequest(
    'POST',
    `/assessments/${encodeURIComponent(assessmentId)}/documents/${encodeURIComponent(documentId)}/complete`,
    CompleteDocumentResponseSchema,
  );
  return body.document;
}
