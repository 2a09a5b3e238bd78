import type { z } from 'zod/mini';
import { questionnaireResponse } from '../../../../../functions/api/contract/questionnaire';
import { apiRequest } from '../../../lib/api-client';
import { useQuery } from '../../../lib/use-query';

export const QuestionnaireSchema = questionnaireResponse;
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;
export type Domain = Questionnaire['domains'][number];
export type Question = Domain['questions'][number];
/** Score bands from the catalogue (critical gap … scale-ready); components never hard-code thresholds. */
export type Band = Questionnaire['bands'][number];

/** GET /api/questionnaire: the 12 domains and their questions. */
export function getQuestionnaire(signal?: AbortSignal): Promise<Questionnaire> {
  return apiRequest('GET', '/questionnaire', QuestionnaireSchema, { signal });
}

export function useQuestionnaire() {
  return useQuery('questionnaire', getQuestionnaire);
}
