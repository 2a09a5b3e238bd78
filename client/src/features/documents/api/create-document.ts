import type { z } from 'zod/mini';
import { createDocumentResponse } from '../../../../../functions/api/contract/documents';
import { apiRequest } from '../../../lib/api-client';

export const CreateDocumentResponseSchema = createDocumentResponse;
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
