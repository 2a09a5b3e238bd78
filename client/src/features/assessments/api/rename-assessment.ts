import type { z } from 'zod/mini';
import { renameAssessmentResponse } from '../../../../../functions/api/contract/assessments';
import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

export const RenamedAssessmentSchema = renameAssessmentResponse;
export type RenamedAssessment = z.infer<typeof RenamedAssessmentSchema>;

/** The API's rule: 1–120 characters once trimmed. */
export function validateAssessmentName(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'Enter a name for the assessment.';
  if (trimmed.length > 120) return 'Use 120 characters or fewer.';
  return undefined;
}

/** PATCH /api/assessments/:id `{name}`: drafts and submitted ones alike; answers are untouched. */
export function renameAssessment(id: string, name: string): Promise<RenamedAssessment> {
  return apiRequest('PATCH', `/assessments/${encodeURIComponent(id)}`, RenamedAssessmentSchema, {
    body: { name: name.trim() },
  });
}

export function useRenameAssessment() {
  return useMutation(renameAssessment);
}
