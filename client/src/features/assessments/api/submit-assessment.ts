import { z } from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';
import { TriageResultsSchema } from './schemas';

export const SubmitResultSchema = z.object({
  id: z.string(),
  status: z.literal('submitted'),
  submittedAt: z.string(),
  triageResults: TriageResultsSchema,
});
export type SubmitResult = z.infer<typeof SubmitResultSchema>;

/** POST /api/assessments/:id/submit; a 422 carries `missing: [questionId]`. */
export function submitAssessment(id: string): Promise<SubmitResult> {
  return apiRequest('POST', `/assessments/${encodeURIComponent(id)}/submit`, SubmitResultSchema);
}

export function useSubmitAssessment() {
  return useMutation(submitAssessment);
}
