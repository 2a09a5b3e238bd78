import { z } from 'zod';

export const publicQuestion = z.object({
  id: z.string(),
  text: z.string(),
  help: z.string().optional(),
  type: z.enum(['scale', 'choice', 'number', 'text']),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  scaleLabels: z.tuple([z.string(), z.string()]).optional(),
  maxLength: z.number().int().optional(),
  unit: z.string().optional(),
});

export const band = z.object({
  id: z.enum(['critical', 'developing', 'established', 'scale-ready']),
  label: z.string(),
  min: z.number().int(),
  max: z.number().int(),
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

/** An answer as stored and sent: a scale or number is a number, a choice or text is a string. */
export const answerValue = z.union([z.number(), z.string()]);
export type AnswerValue = z.infer<typeof answerValue>;
