import type { z } from 'zod/mini';
import { downloadResponse } from '../../../../../functions/api/contract/documents';
import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

export const DownloadResponseSchema = downloadResponse;
export type DownloadResponse = z.infer<typeof DownloadResponseSchema>;

/** GET …/documents/:docId/download: a short-lived presigned URL. */
export function getDocumentDownload(assessmentId: string, documentId: string): Promise<DownloadResponse> {
  return apiRequest(
    'GET',
    `/assessments/${encodeURIComponent(assessmentId)}/documents/${encodeURIComponent(documentId)}/download`,
    DownloadResponseSchema,
  );
}

export function useDocumentDownload() {
  return useMutation(getDocumentDownload);
}
