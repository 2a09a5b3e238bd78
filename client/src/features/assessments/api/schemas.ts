import type { z } from 'zod/mini';
import {
  type assessmentStatus,
  progress,
  assessmentStatus as sharedAssessmentStatus,
  triageResults,
} from '../../../../../functions/api/contract/assessments';
import { documentView } from '../../../../../functions/api/contract/documents';
import { answerValue } from '../../../../../functions/api/contract/questionnaire';

/**
 * Shapes shared by several assessment endpoints: the API's own contract (functions/api/contract,
 * zod/mini), so a change on the server that the client does not follow is a compile error.
 */
export const ProgressSchema = progress;
export type Progress = z.infer<typeof ProgressSchema>;

/** A stored answer: a number (scale, number) or a string (choice, text). */
export const AnswerValueSchema = answerValue;
/** An answer as the client holds it: `null` clears it (the autosave sends it as such). */
export type AnswerValue = z.infer<typeof answerValue> | null;

export const DocumentSchema = documentView;
export type AssessmentDocument = z.infer<typeof DocumentSchema>;

export const TriageResultsSchema = triageResults;
export type TriageResults = z.infer<typeof TriageResultsSchema>;

export const AssessmentStatusSchema = sharedAssessmentStatus;
export type AssessmentStatus = z.infer<typeof assessmentStatus>;
