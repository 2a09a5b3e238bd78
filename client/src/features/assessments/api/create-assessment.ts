import { z } from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';
import { AssessmentStatusSchema, ProgressSchema } from './schemas';

export const CreatedAssessmentSchema = z.object({
  id: z.string(),
  name: z.optional(z.string()),
  status: AssessmentStatusSchema,
  version: z.number(),
  progress: ProgressSchema,
  createdAt: z.string(),
});
export type CreatedAssessment = z.infer<typeof CreatedAssessmentSchema>;

/** POST /api/assessments: starts a new draft; without a name the API calls it "Assessment YYYY-MM-DD". */
export function createAssessment(input: { name?: string } = {}): Promise<CreatedAssessment> {
  const name = input.name?.trim();
  return apiRequest('POST', '/assessments', CreatedAssessmentSchema, { body: name ? { name } : {} });
}

export function useCreateAssessment() {
  return useMutation(createAssessment);
}
