import * as z from 'zod/mini';
import { bandId } from './questionnaire';

// The results of a submitted assessment (zod/mini: the client parses with it too).

const score = z.int().check(z.minimum(0), z.maximum(100));
const bandRef = z.object({ id: bandId, label: z.string() });

export const resultsResponse = z.object({
  assessmentId: z.uuid(),
  name: z.string(),
  submittedAt: z.iso.datetime(),
  /** The rounded mean of the 12 domain scores. */
  overall: z.object({ score, band: bandRef }),
  domains: z.array(
    z.object({
      domainId: z.string(),
      name: z.string(),
      score,
      band: bandRef,
      /** What this score means for this domain, in plain language. */
      reading: z.string(),
      previousScore: z.nullable(z.int()),
      change: z.nullable(z.int()),
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
  previous: z.nullable(z.object({ assessmentId: z.uuid(), name: z.string(), submittedAt: z.iso.datetime() })),
});
export type ResultsResponse = z.infer<typeof resultsResponse>;
