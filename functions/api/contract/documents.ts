import * as z from 'zod/mini';

// Limits and responses of the document operations (zod/mini: the client uses them too).

export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_ASSESSMENT = 20;

/** Allowed upload types and the file extensions that go with them. */
export const allowedTypes: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'text/csv': ['csv'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

export const documentStatus = z.enum(['pending', 'uploaded']);

export const documentView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.int(),
  status: documentStatus,
  createdAt: z.iso.datetime(),
});
export type DocumentView = z.infer<typeof documentView>;

export const uploadInstructions = z.object({
  method: z.literal('POST'),
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  expiresAt: z.iso.datetime(),
});

export const createDocumentResponse = z.object({ document: documentView, upload: uploadInstructions });
export const documentResponse = z.object({ document: documentView });
export const downloadResponse = z.object({ url: z.string(), expiresAt: z.iso.datetime() });
