import { z } from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { useQuery } from '../../../lib/use-query';

const OptionSchema = z.union([
  z.object({ value: z.union([z.string(), z.number()]), label: z.string() }),
  z.string(),
  z.number(),
]);

export const QuestionSchema = z.object({
  id: z.string(),
  text: z.string(),
  type: z.enum(['scale', 'choice', 'number', 'text']),
  required: z.boolean(),
  options: z.optional(z.array(OptionSchema)),
  min: z.optional(z.nullable(z.number())),
  max: z.optional(z.nullable(z.number())),
  help: z.optional(z.nullable(z.string())),
  scaleLabels: z.optional(z.nullable(z.array(z.string()))),
  maxLength: z.optional(z.nullable(z.number())),
  unit: z.optional(z.nullable(z.string())),
});
export type Question = z.infer<typeof QuestionSchema>;

export const DomainSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  questions: z.array(QuestionSchema),
});
export type Domain = z.infer<typeof DomainSchema>;

/** Score bands from the catalogue (critical gap … scale-ready); components never hard-code thresholds. */
export const BandSchema = z.object({
  id: z.string(),
  label: z.string(),
  min: z.number(),
  max: z.number(),
  summary: z.optional(z.string()),
});
export type Band = z.infer<typeof BandSchema>;

export const QuestionnaireSchema = z.object({
  version: z.union([z.string(), z.number()]),
  domains: z.array(DomainSchema),
  bands: z.optional(z.array(BandSchema)),
});
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;

/** GET /api/questionnaire: the 12 domains and their questions. */
export function getQuestionnaire(signal?: AbortSignal): Promise<Questionnaire> {
  return apiRequest('GET', '/questionnaire', QuestionnaireSchema, { signal });
}

export function useQuestionnaire() {
  return useQuery('questionnaire', getQuestionnaire);
}
