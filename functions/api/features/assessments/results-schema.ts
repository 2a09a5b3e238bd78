import { z } from 'zod';
import { assessmentName } from './schema';

export const renameAssessmentRequest = z.strictObject({ name: assessmentName });
export const renameAssessmentResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  updatedAt: z.iso.datetime(),
});

const bandRef = z.object({
  id: z.enum(['critical', 'developing', 'established', 'scale-ready']),
  label: z.string(),
});

export const resultsResponse = z.object({
  assessmentId: z.uuid(),
  name: z.string(),
  submittedAt: z.iso.datetime(),
  /** The rounded mean of the 12 domain scores. */
  overall: z.object({ score: z.number().int().min(0).max(100), band: bandRef }),
  domains: z.array(
    z.object({
      domainId: z.string(),
      name: z.string(),
      score: z.number().int().min(0).max(100),
      band: bandRef,
      /** What this score means for this domain, in plain language. */
      reading: z.string(),
      previousScore: z.number().int().nullable(),
      change: z.number().int().nullable(),
      priority: z.boolean(),
    }),
  ),
  priorityDomains: z.array(z.string()),
  /** For each priority domain, its 2–3 lowest-scoring answers and what to do about each. */
  recommendations: z.array(
    z.object({
      domainId: z.string(),
      domainName: z.string(),
      questionId: z.string(),
      question: z.string(),
      /** The answer as the user saw it, e.g. "2 of 5" or a choice's label. */
      answer: z.string(),
      text: z.string(),
    }),
  ),
  previous: z.object({ assessmentId: z.uuid(), name: z.string(), submittedAt: z.iso.datetime() }).nullable(),
});
export type ResultsResponse = z.infer<typeof resultsResponse>;
