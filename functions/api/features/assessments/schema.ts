import { z } from 'zod';
import { hasControlChars } from '../../platform/http/text';
import { answerValue } from '../questionnaire/schema';

export const assessmentId = z.object({ id: z.uuid() });

/** An assessment's name: 1–120 characters of printable, valid Unicode, trimmed. */
export const assessmentName = z
  .string('Name must be text.')
  .trim()
  .min(1, 'Name is required.')
  .max(120, 'Name must be at most 120 characters.')
  .refine((s) => !hasControlChars(s), 'Name must not contain control characters.')
  // A lone UTF-16 surrogate would be stored mangled or refused by the database.
  .refine((s) => !/\p{Cs}/u.test(s), 'Name must be valid Unicode text.');

export const progress = z.object({ answered: z.number().int(), total: z.number().int() });

export const triageResults = z.object({
  domainScores: z.array(z.object({ domainId: z.string(), score: z.number().int().min(0).max(100) })),
  priorityDomains: z.array(z.string()),
});

export const documentView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  status: z.enum(['pending', 'uploaded']),
  createdAt: z.iso.datetime(),
});
export type DocumentView = z.infer<typeof documentView>;

export const assessmentSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(['draft', 'submitted']),
  version: z.number().int(),
  progress,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummary>;

export const assessmentList = z.object({
  items: z.array(assessmentSummary),
  /** Pass as `?cursor=` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const assessmentDetail = assessmentSummary.extend({
  responses: z.record(z.string(), answerValue),
  documents: z.array(documentView),
  triageResults: triageResults.optional(),
});
export type AssessmentDetail = z.infer<typeof assessmentDetail>;

export const createAssessmentRequest = z.strictObject({ name: assessmentName.optional() });

export const saveResponsesRequest = z.strictObject({
  responses: z
    .record(z.string().min(1).max(100), answerValue.nullable())
    .refine((r) => Object.keys(r).length > 0, 'Send at least one answer.'),
});

export const saveResponsesResponse = z.object({ version: z.number().int(), progress });

export const submitResponse = z.object({
  id: z.uuid(),
  status: z.literal('submitted'),
  submittedAt: z.iso.datetime(),
  triageResults,
});
export type SubmitResponse = z.infer<typeof submitResponse>;
