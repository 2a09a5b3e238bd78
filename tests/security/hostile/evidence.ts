import { uploadViaPresignedPost } from '../../support/client';
import type { Case, Context } from './catalogue';

/** Uploads the impostor's bytes to its slot, then asks to complete it. */
const complete = (name: string) => async (c: Context) => {
  const slot = c.impostorSlots[name]!;
  const status = await uploadViaPresignedPost(slot.upload, slot.bytes, slot.contentType);
  if (status >= 300) throw new Error(`upload of ${name} got ${status}`);
  return { method: 'POST', path: `/api/assessments/${c.aDraft}/documents/${slot.docId}/complete` };
};

/** The refused object is deleted, and the document stays pending. */
const objectDeleted = (name: string) => async (c: Context, problem: Record<string, unknown>) => {
  expect(problem.detail).toMatch(/is not/);
  expect(await c.app.deps.storage.head(c.impostorSlots[name]!.key)).toBeNull();
};

const impostor = (name: string, when: string): Case => ({
  when,
  status: 422,
  request: complete(name),
  andThen: objectDeleted(name),
});

/** Files whose bytes are not the type they were announced as (issue 13, finding 1). */
export const evidenceCases: Record<string, Case[]> = {
  'uploaded bytes that are not the declared type': [
    impostor('executable as PDF', 'a Windows executable is uploaded as a PDF'),
    impostor('plain ZIP as DOCX', 'a plain ZIP is uploaded as a DOCX'),
    impostor('workbook as DOCX', 'an Excel workbook is uploaded as a DOCX'),
    impostor('JPEG as PNG', 'a JPEG is uploaded as a PNG'),
    impostor('CSV with NUL bytes', 'a CSV holds NUL bytes'),
  ],
};
