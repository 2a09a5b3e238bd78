import type { z } from 'zod/mini';
import { assessmentSummary } from '../../../../../functions/api/contract/assessments';
import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

export const CreatedAssessmentSchema = assessmentSummary;
export type CreatedAssessment = z.infer<typeof CreatedAssessmentSchema>;

/** POST /api/assessments: starts a new draft; without a name the API calls it "Assessment YYYY-MM-DD". */
export function createAssessment(input: { name?: string } = {}): Promise<CreatedAssessment> {
  const name = input.name?.trim();
  return apiRequest('POST', '/assessments', CreatedAssessmentSchema, { body: name ? { name } : {} });
}

export function useCreateAssessment() {
  return useMutation(createAssessment);
}
