import * as z from 'zod/mini';
import { assessmentStatus, triageResults } from './assessments';
import { documentView } from './documents';
import { answerValue } from './questionnaire';

// The account export (zod/mini: the client parses with it too).

export const exportResponse = z.object({
  exportedAt: z.iso.datetime(),
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    companyName: z.string(),
    industry: z.string(),
    createdAt: z.iso.datetime(),
  }),
  assessments: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      status: assessmentStatus,
      version: z.int(),
      createdAt: z.iso.datetime(),
      updatedAt: z.iso.datetime(),
      submittedAt: z.nullable(z.iso.datetime()),
      responses: z.record(z.string(), answerValue),
      triageResults: z.nullable(triageResults),
      documents: z.array(documentView),
    }),
  ),
});
export type ExportResponse = z.infer<typeof exportResponse>;
