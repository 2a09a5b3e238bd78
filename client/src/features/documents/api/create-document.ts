import { z } from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { DocumentSchema } from '../../assessments/api/schemas';

export const CreateDocumentResponseSchema = z.object({
  document: DocumentSchema,
  upload: z.object({
    method: z.enum(['POST', 'PUT']),
    url: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
    headers: z.optional(z.record(z.string(), z.string())),
    expiresAt: z.optional(z.string()),
  }),
});
export type CreateDocumentResponse = z.infer<typeof CreateDocumentResponseSchema>;

export type CreateDocumentInput = { fileName: string; contentType: string; sizeBytes: number };

/** POST /api/assessments/:id/documents: registers the file and returns its presigned upload. */
export function createDocument(
  assessmentId: string,
  input: CreateDocumentInput,
): Promise<CreateDocumentResponse> {
  return apiRequest(
    'POST',
    `/assessments/${encodeURIComponent(assessmentId)}/documents`,
    CreateDocumentResponseSchema,
    {
      body: input,
    },
  );
}
