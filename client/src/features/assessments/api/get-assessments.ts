import { z } from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { useQuery } from '../../../lib/use-query';
import { AssessmentStatusSchema, ProgressSchema } from './schemas';

export const AssessmentSummarySchema = z.object({
  id: z.string(),
  status: AssessmentStatusSchema,
  progress: ProgressSchema,
  createdAt: z.string(),
  updatedAt: z.optional(z.nullable(z.string())),
  submittedAt: z.optional(z.nullable(z.string())),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

export const AssessmentListSchema = z.object({
  items: z.array(AssessmentSummarySchema),
  /** The cursor to the next page; null on the last. */
  nextCursor: z.optional(z.nullable(z.string())),
});

/** The dashboard shows this many, most recently changed first (the API's largest page). */
const DASHBOARD_PAGE = 100;

/** GET /api/assessments: the signed-in user's most recently changed assessments. */
export async function getAssessments(signal?: AbortSignal): Promise<AssessmentSummary[]> {
  const body = await apiRequest('GET', `/assessments?limit=${DASHBOARD_PAGE}`, AssessmentListSchema, {
    signal,
  });
  return body.items;
}

export function useAssessments() {
  return useQuery('assessments', getAssessments);
}
