import * as z from 'zod/mini';
import { documentView } from './documents';
import { answerValue } from './questionnaire';

// Responses of the assessment operations (zod/mini: the client parses with them too).

export const assessmentStatus = z.enum(['draft', 'submitted']);
export const progress = z.object({ answered: z.int(), total: z.int() });

export const triageResults = z.object({
  domainScores: z.array(
    z.object({ domainId: z.string(), score: z.int().check(z.minimum(0), z.maximum(100)) }),
  ),
  priorityDomains: z.array(z.string()),
});

export const assessmentSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  status: assessmentStatus,
  version: z.int(),
  progress,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  submittedAt: z.nullable(z.iso.datetime()),
});
export type AssessmentSummary = z.infer<typeof assessmentSummary>;

export const assessmentList = z.object({
  items: z.array(assessmentSummary),
  /** Pass as `?cursor=` for the next page; null on the last page. */
  nextCursor: z.nullable(z.string()),
});

export const assessmentDetail = z.extend(assessmentSummary, {
  responses: z.record(z.string(), answerValue),
  documents: z.array(documentView),
  triageResults: z.optional(triageResults),
});
export type AssessmentDetail = z.infer<typeof assessmentDetail>;

export const saveResponsesResponse = z.object({ version: z.int(), progress });

export const submitResponse = z.object({
  id: z.uuid(),
  status: z.literal('submitted'),
  submittedAt: z.iso.datetime(),
  triageResults,
});
export type SubmitResponse = z.infer<typeof submitResponse>;

export const renameAssessmentResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  updatedAt: z.iso.datetime(),
});
