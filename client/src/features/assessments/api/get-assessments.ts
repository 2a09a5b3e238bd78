import type { z } from 'zod/mini';
import { assessmentList, assessmentSummary } from '../../../../../functions/api/contract/assessments';
import { apiRequest } from '../../../lib/api-client';

export const AssessmentSummarySchema = assessmentSummary;
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

export const AssessmentListSchema = assessmentList;
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
