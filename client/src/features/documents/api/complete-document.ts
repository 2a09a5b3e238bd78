import { documentResponse } from '../../../../../functions/api/contract/documents';
import { apiRequest } from '../../../lib/api-client';
import type { AssessmentDocument } from '../../assessments/api/schemas';

export const CompleteDocumentResponseSchema = documentResponse;

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
