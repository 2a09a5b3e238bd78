import * as z from 'zod/mini';

/** An answer as stored and sent: a scale or number is a number, a choice or text is a string. */
export const answerValue = z.union([z.number(), z.string()]);
export type AnswerValue = z.infer<typeof answerValue>;

export const bandId = z.enum(['critical', 'developing', 'established', 'scale-ready']);

export const publicQuestion = z.object({
  id: z.string(),
  text: z.string(),
  help: z.optional(z.string()),
  type: z.enum(['scale', 'choice', 'number', 'text']),
  required: z.boolean(),
  options: z.optional(z.array(z.object({ value: z.string(), label: z.string() }))),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  scaleLabels: z.optional(z.tuple([z.string(), z.string()])),
  maxLength: z.optional(z.int()),
  unit: z.optional(z.string()),
});

export const band = z.object({
  id: bandId,
  label: z.string(),
  min: z.int(),
  max: z.int(),
  summary: z.string(),
});

export const questionnaireResponse = z.object({
  version: z.string(),
  bands: z.array(band),
  domains: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      questions: z.array(publicQuestion),
    }),
  ),
});
export type QuestionnaireResponse = z.infer<typeof questionnaireResponse>;
