import { z } from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';
import { AssessmentStatusSchema, ProgressSchema } from './schemas';

export const CreatedAssessmentSchema = z.object({
  id: z.string(),
  status: AssessmentStatusSchema,
  version: z.number(),
  progress: ProgressSchema,
  createdAt: z.string(),
});
export type CreatedAssessment = z.infer<typeof CreatedAssessmentSchema>;

/** POST /api/assessments: starts a new draft. */
export function createAssessment(): Promise<CreatedAssessment> {
  return apiRequest('POST', '/assessments', CreatedAssessmentSchema, { body: {} });
}

export function useCreateAssessment() {
  return useMutation(createAssessment);
}
