import { docx, xlsx, zip } from '../e2e/fixtures';

/** Small but well-formed files for upload tests. */
export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function pdfBytes(): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

const bytes = (b: Buffer): Uint8Array<ArrayBuffer> => new Uint8Array(b);

/** A real (stored) DOCX or XLSX: the server checks the archive for the type's main part. */
export function zipBytes(kind: 'docx' | 'xlsx'): Uint8Array<ArrayBuffer> {
  return bytes(
    kind === 'docx'
      ? docx('Organisation design')
      : xlsx([
          ['month', 'revenue'],
          ['jan', 1],
        ]),
  );
}

/** Files that claim a type they are not, for the content check at complete. */
export const impostors = {
  /** A Windows executable's first bytes. */
  executable: () => bytes(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')])),
  /** A plain ZIP without [Content_Types].xml. */
  plainZip: () => bytes(zip({ 'notes.txt': 'not an office document' })),
  jpeg: () => bytes(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00])),
  png: () => bytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
  csvWithNul: () => bytes(Buffer.from('month,revenue\njan,\u00001\n')),
};
