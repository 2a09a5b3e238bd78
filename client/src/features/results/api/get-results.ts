import { z } from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { useQuery } from '../../../lib/use-query';

export const BandRefSchema = z.object({ id: z.string(), label: z.string() });
export type BandRef = z.infer<typeof BandRefSchema>;

export const DomainResultSchema = z.object({
  domainId: z.string(),
  name: z.string(),
  score: z.number(),
  band: BandRefSchema,
  /** Plain-language reading of this score, written in the catalogue per band. */
  reading: z.string(),
  previousScore: z.nullable(z.number()),
  change: z.nullable(z.number()),
  priority: z.boolean(),
});
export type DomainResult = z.infer<typeof DomainResultSchema>;

export const RecommendationSchema = z.object({
  domainId: z.string(),
  domainName: z.string(),
  questionId: z.string(),
  question: z.string(),
  answer: z.string(),
  text: z.string(),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const ResultsSchema = z.object({
  assessmentId: z.string(),
  name: z.string(),
  submittedAt: z.string(),
  overall: z.object({ score: z.number(), band: BandRefSchema }),
  domains: z.array(DomainResultSchema),
  priorityDomains: z.array(z.string()),
  recommendations: z.array(RecommendationSchema),
  previous: z.nullable(z.object({ assessmentId: z.string(), name: z.string(), submittedAt: z.string() })),
});
export type Results = z.infer<typeof ResultsSchema>;

/** GET /api/assessments/:id/results: bands, readings, next steps and the change since last time. */
export function getResults(id: string, signal?: AbortSignal): Promise<Results> {
  return apiRequest('GET', `/assessments/${encodeURIComponent(id)}/results`, ResultsSchema, { signal });
}

export function useResults(id: string, submittedAt: string | null) {
  // Keyed by the submit time too, so results load afresh right after submitting.
  return useQuery(`results/${id}/${submittedAt ?? ''}`, (signal) => getResults(id, signal));
}
