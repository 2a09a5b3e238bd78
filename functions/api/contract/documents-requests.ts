import { z } from 'zod';
import { allowedTypes, MAX_DOCUMENT_BYTES } from './documents';
import { hasControlChars } from './text';

// Inputs of the document operations: server-side validation, in full zod for its messages.

const fileName = z
  .string()
  .min(1, 'The file name is required.')
  .max(200, 'The file name must be at most 200 characters.')
  .refine((s) => !hasControlChars(s), 'The file name must not contain control characters.')
  // A lone UTF-16 surrogate would be stored mangled (as U+FFFD) or refused by the database.
  .refine((s) => !/\p{Cs}/u.test(s), 'The file name must be valid Unicode text.')
  .refine((s) => !/[/\\]/.test(s) && !s.includes('..'), 'The file name must not contain a path.')
  .refine((s) => s.trim() === s && s.length > 0, 'The file name must not start or end with spaces.');

export const createDocumentRequest = z
  .strictObject({
    fileName,
    contentType: z.enum(Object.keys(allowedTypes) as [string, ...string[]], {
      error: 'Allowed types are PDF, DOCX, XLSX, CSV, PNG and JPEG.',
    }),
    sizeBytes: z
      .number()
      .int('The size must be a whole number of bytes.')
      .min(1, 'The file is empty.')
      .max(MAX_DOCUMENT_BYTES, 'Files may be at most 25 MB.'),
  })
  .superRefine((v, ctx) => {
    const ext = v.fileName.split('.').pop()?.toLowerCase() ?? '';
    if (!allowedTypes[v.contentType]?.includes(ext)) {
      ctx.addIssue({
        code: 'custom',
        path: ['fileName'],
        message: `The file extension does not match ${v.contentType}.`,
      });
    }
  });
export type CreateDocumentRequest = z.infer<typeof createDocumentRequest>;

export const documentParams = z.object({ id: z.uuid(), docId: z.uuid() });
