import * as z from 'zod/mini';
import { allowedTypes, MAX_DOCUMENT_BYTES } from './documents';
import { hasControlChars } from './text';

// Inputs of the document operations: server-side validation (zod/mini, with its English messages).

const fileName = z.string().check(
  z.minLength(1, 'The file name is required.'),
  z.maxLength(200, 'The file name must be at most 200 characters.'),
  z.refine((s: string) => !hasControlChars(s), 'The file name must not contain control characters.'),
  // A lone UTF-16 surrogate would be stored mangled (as U+FFFD) or refused by the database.
  z.refine((s: string) => !/\p{Cs}/u.test(s), 'The file name must be valid Unicode text.'),
  z.refine((s: string) => !/[/\\]/.test(s) && !s.includes('..'), 'The file name must not contain a path.'),
  z.refine((s: string) => s.trim() === s && s.length > 0, 'The file name must not start or end with spaces.'),
);

export const createDocumentRequest = z
  .strictObject({
    fileName,
    contentType: z.enum(Object.keys(allowedTypes) as [string, ...string[]], {
      error: 'Allowed types are PDF, DOCX, XLSX, CSV, PNG and JPEG.',
    }),
    sizeBytes: z
      .number()
      .check(
        z.int('The size must be a whole number of bytes.'),
        z.minimum(1, 'The file is empty.'),
        z.maximum(MAX_DOCUMENT_BYTES, 'Files may be at most 25 MB.'),
      ),
  })
  .check(
    z.superRefine((v: { fileName: string; contentType: string }, ctx) => {
      const ext = v.fileName.split('.').pop()?.toLowerCase() ?? '';
      if (!allowedTypes[v.contentType]?.includes(ext)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fileName'],
          message: `The file extension does not match ${v.contentType}.`,
        });
      }
    }),
  );
export type CreateDocumentRequest = z.infer<typeof createDocumentRequest>;

export const documentParams = z.object({ id: z.uuid(), docId: z.uuid() });
