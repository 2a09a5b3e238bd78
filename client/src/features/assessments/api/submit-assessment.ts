import type { z } from 'zod/mini';
import { submitResponse } from '../../../../../functions/api/contract/assessments';
import { apiRequest } from '../../../lib/api-client';

export const SubmitResultSchema = submitResponse;
export type SubmitResult = z.infer<typeof SubmitResultSchema>;

/** POST /api/assessments/:id/submit; a 422 carries `missing: [questionId]`. */
export function submitAssessment(id: string): Promise<SubmitResult> {
  return apiRequest('POST', `/assessments/${encodeURIComponent(id)}/submit`, SubmitResultSchema);
}
