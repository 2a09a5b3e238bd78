import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

/** DELETE …/documents/:docId: 204. */
export async function deleteDocument(assessmentId: string, documentId: string): Promise<true> {
  await apiRequest(
    'DELETE',
    `/assessments/${encodeURIComponent(assessmentId)}/documents/${encodeURIComponent(documentId)}`,
    null,
  );
  return true;
}

export function useDeleteDocument() {
  return useMutation(deleteDocument);
}
