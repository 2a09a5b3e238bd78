/** Small but well-formed-looking files for upload tests. */
export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function pdfBytes(): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

/** A zip local-file header is enough for a type check; these are not opened by the server. */
export function zipBytes(label: string): Uint8Array<ArrayBuffer> {
  const body = new TextEncoder().encode(`[Content_Types].xml ${label}`);
  const out = new Uint8Array(4 + body.length);
  out.set([0x50, 0x4b, 0x03, 0x04]);
  out.set(body, 4);
  return out;
}
