import type { z } from 'zod/mini';
import { resultsResponse } from '../../../../../functions/api/contract/results';
import { apiRequest } from '../../../lib/api-client';
import { useQuery } from '../../../lib/use-query';

export const ResultsSchema = resultsResponse;
export type Results = z.infer<typeof ResultsSchema>;
export type DomainResult = Results['domains'][number];
export type Recommendation = Results['recommendations'][number];
export type BandRef = DomainResult['band'];

/** GET /api/assessments/:id/results: bands, readings, next steps and the change since last time. */
export function getResults(id: string, signal?: AbortSignal): Promise<Results> {
  return apiRequest('GET', `/assessments/${encodeURIComponent(id)}/results`, ResultsSchema, { signal });
}

export function useResults(id: string, submittedAt: string | null) {
  // Keyed by the submit time too, so results load afresh right after submitting.
  return useQuery(`results/${id}/${submittedAt ?? ''}`, (signal) => getResults(id, signal));
}
