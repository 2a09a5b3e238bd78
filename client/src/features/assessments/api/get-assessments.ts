import { z } from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { useQuery } from '../../../lib/use-query';
import { AssessmentStatusSchema, ProgressSchema } from './schemas';

export const AssessmentSummarySchema = z.object({
  id: z.string(),
  status: AssessmentStatusSchema,
  progress: ProgressSchema,
  name: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.optional(z.nullable(z.string())),
  submittedAt: z.optional(z.nullable(z.string())),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

export const AssessmentListSchema = z.object({
  items: z.array(AssessmentSummarySchema),
  /** Set when there are more: pass it back as `cursor` for the next page. */
  nextCursor: z.optional(z.nullable(z.string())),
});
export type AssessmentPage = { items: AssessmentSummary[]; nextCursor: string | null };

/** GET /api/assessments: one page of the signed-in user's assessments, newest change first. */
export async function getAssessmentPage(
  cursor?: string | null,
  signal?: AbortSignal,
): Promise<AssessmentPage> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  const body = await apiRequest('GET', `/assessments${query}`, AssessmentListSchema, { signal });
  return { items: body.items, nextCursor: body.nextCursor ?? null };
}

/** The first page; `useAssessmentList` adds "load more". */
export async function getAssessments(signal?: AbortSignal): Promise<AssessmentSummary[]> {
  return (await getAssessmentPage(null, signal)).items;
}

export function useAssessments() {
  return useQuery('assessments', (signal) => getAssessmentPage(null, signal));
}
