import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

/** DELETE /api/assessments/:id: drafts only (with their documents); a submitted one answers 409. */
export async function deleteAssessment(id: string): Promise<true> {
  await apiRequest('DELETE', `/assessments/${encodeURIComponent(id)}`, null);
  return true;
}

export function useDeleteAssessment() {
  return useMutation(deleteAssessment);
}
