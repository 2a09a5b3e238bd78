import { z } from 'zod';
import { answerValue } from '../questionnaire/schema';

export const deleteAccountRequest = z.strictObject({
  password: z.string('Enter your password to confirm.').min(1, 'Enter your password to confirm.').max(256),
});

export const exportDocument = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  status: z.enum(['pending', 'uploaded']),
  createdAt: z.iso.datetime(),
});

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
      status: z.enum(['draft', 'submitted']),
      version: z.number().int(),
      createdAt: z.iso.datetime(),
      updatedAt: z.iso.datetime(),
      submittedAt: z.iso.datetime().nullable(),
      responses: z.record(z.string(), answerValue),
      triageResults: z
        .object({
          domainScores: z.array(z.object({ domainId: z.string(), score: z.number().int() })),
          priorityDomains: z.array(z.string()),
        })
        .nullable(),
      documents: z.array(exportDocument),
    }),
  ),
});
export type ExportResponse = z.infer<typeof exportResponse>;
