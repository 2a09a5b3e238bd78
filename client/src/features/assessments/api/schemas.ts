import { z } from 'zod/mini';

/** Shapes shared by several assessment endpoints. */
export const ProgressSchema = z.object({ answered: z.number(), total: z.number() });
export type Progress = z.infer<typeof ProgressSchema>;

export const AnswerValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

export const DocumentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.optional(z.string()),
  sizeBytes: z.optional(z.number()),
  status: z.string(),
  createdAt: z.optional(z.nullable(z.string())),
});
export type AssessmentDocument = z.infer<typeof DocumentSchema>;

export const TriageResultsSchema = z.object({
  domainScores: z.array(z.object({ domainId: z.string(), score: z.number() })),
  priorityDomains: z.array(z.string()),
});
export type TriageResults = z.infer<typeof TriageResultsSchema>;

export const AssessmentStatusSchema = z.enum(['draft', 'submitted']);
export type AssessmentStatus = z.infer<typeof AssessmentStatusSchema>;
