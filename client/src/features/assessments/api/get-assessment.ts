import type { z } from 'zod/mini';
import { assessmentDetail } from '../../../../../functions/api/contract/assessments';
import { apiRequest } from '../../../lib/api-client';
import { useQuery } from '../../../lib/use-query';

export const AssessmentSchema = assessmentDetail;
export type Assessment = z.infer<typeof AssessmentSchema>;

/** GET /api/assessments/:id: answers, documents, progress and, once submitted, the triage results. */
export function getAssessment(id: string, signal?: AbortSignal): Promise<Assessment> {
  return apiRequest('GET', `/assessments/${encodeURIComponent(id)}`, AssessmentSchema, { signal });
}

export function useAssessment(id: string) {
  return useQuery(`assessment/${id}`, (signal) => getAssessment(id, signal));
}
