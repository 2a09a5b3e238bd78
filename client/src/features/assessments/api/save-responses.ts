import type { z } from 'zod/mini';
import { saveResponsesResponse } from '../../../../../functions/api/contract/assessments';
import { apiRequest } from '../../../lib/api-client';
import type { AnswerValue } from './schemas';

export const SaveResponsesResultSchema = saveResponsesResponse;
export type SaveResponsesResult = z.infer<typeof SaveResponsesResultSchema>;

/**
 * PUT /api/assessments/:id/responses with `If-Match: <version>`. A 409 means the version is stale or
 * the assessment was submitted; the autosave controller handles both. (Used through `useAutosave`.)
 */
export function saveResponses(
  id: string,
  responses: Record<string, AnswerValue>,
  version: number,
): Promise<SaveResponsesResult> {
  return apiRequest('PUT', `/assessments/${encodeURIComponent(id)}/responses`, SaveResponsesResultSchema, {
    body: { responses },
    headers: { 'if-match': String(version) },
  });
}
