import { z } from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { useQuery } from '../../../lib/use-query';
import {
  AnswerValueSchema,
  AssessmentStatusSchema,
  DocumentSchema,
  ProgressSchema,
  TriageResultsSchema,
} from './schemas';

export const AssessmentSchema = z.object({
  id: z.string(),
  name: z.optional(z.string()),
  status: AssessmentStatusSchema,
  version: z.number(),
  responses: z.record(z.string(), AnswerValueSchema),
  documents: z._default(z.array(DocumentSchema), []),
  progress: ProgressSchema,
  submittedAt: z.optional(z.nullable(z.string())),
  triageResults: z.optional(z.nullable(TriageResultsSchema)),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

/** GET /api/assessments/:id: answers, documents, progress and, once submitted, the triage results. */
export function getAssessment(id: string, signal?: AbortSignal): Promise<Assessment> {
  return apiRequest('GET', `/assessments/${encodeURIComponent(id)}`, AssessmentSchema, { signal });
}

export function useAssessment(id: string) {
  return useQuery(`assessment/${id}`, (signal) => getAssessment(id, signal));
}
