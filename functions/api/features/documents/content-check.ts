import { createHash } from 'node:crypto';

/**
 * Checks an uploaded object's bytes against the type the user declared, as they stream past once:
 * PDF, PNG and JPEG by their signatures, DOCX and XLSX as ZIP archives holding
 * `[Content_Types].xml` and the right main part, CSV as text without NUL bytes. The same pass
 * computes the SHA-256 recorded with the document.
 */

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [...'%PDF-'].map((c) => c.charCodeAt(0));
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The End Of Central Directory record: 22 bytes plus a comment of up to 65,535. */
const EOCD_MAX = 22 + 0xffff;
/** The tail kept for the ZIP directory; an Office file's directory is a few kB. */
const TAIL_BYTES = 1024 * 1024;
const HEAD_BYTES = 16;

const officeMainPart: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word/document.xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xl/workbook.xml',
};

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** Entry names from a ZIP's central directory, found in the archive's last bytes; null if unreadable. */
export function zipEntryNames(tail: Uint8Array, totalBytes: number): string[] | null {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const tailStart = totalBytes - tail.length;
  for (let at = tail.length - 22; at >= Math.max(0, tail.length - EOCD_MAX); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    const dirOffset = view.getUint32(at + 16, true) - tailStart;
    if (dirOffset < 0) return null;
    const names: string[] = [];
    let p = dirOffset;
    for (let i = 0; i < entries; i++) {
      if (p + 46 > at || view.getUint32(p, true) !== 0x02014b50) return null;
      const nameLength = view.getUint16(p + 28, true);
      if (p + 46 + nameLength > at) return null;
      const skip = nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
      names.push(new TextDecoder().decode(tail.subarray(p + 46, p + 46 + nameLength)));
      p += 46 + skip;
    }
    return names;
  }
  return null;
}

export interface ContentVerdict {
  sha256: string;
  sizeBytes: number;
  /** Why the bytes are not the declared type; undefined when they are. */
  mismatch?: string;
}

/** Feeds chunks, then judges; one instance per object. */
export function contentCheck(contentType: string) {
  const hash = createHash('sha256');
  const head = new Uint8Array(HEAD_BYTES);
  let headLength = 0;
  // The last chunks, at least TAIL_BYTES of them once that many have passed.
  const tail: Uint8Array[] = [];
  let tailLength = 0;
  let total = 0;
  let hasNul = false;
  const keepsTail = contentType in officeMainPart;

  return {
    update(chunk: Uint8Array): void {
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        const take = chunk.subarray(0, HEAD_BYTES - headLength);
        head.set(take, headLength);
        headLength += take.length;
      }
      if (contentType === 'text/csv' && !hasNul) hasNul = chunk.includes(0);
      if (keepsTail) {
        tail.push(chunk);
        tailLength += chunk.length;
        while (tail.length > 1 && tailLength - tail[0]!.length >= TAIL_BYTES)
          tailLength -= tail.shift()!.length;
      }
      total += chunk.length;
    },

    verdict(): ContentVerdict {
      const bytes = head.subarray(0, headLength);
      return { sha256: hash.digest('hex'), sizeBytes: total, mismatch: judge(contentType, bytes) };
    },
  };

  function judge(type: string, bytes: Uint8Array): string | undefined {
    switch (type) {
      case 'application/pdf':
        return startsWith(bytes, PDF) ? undefined : 'The file is not a PDF (it does not start with %PDF-).';
      case 'image/png':
        return startsWith(bytes, PNG) ? undefined : 'The file is not a PNG image.';
      case 'image/jpeg':
        return startsWith(bytes, JPEG) ? undefined : 'The file is not a JPEG image.';
      case 'text/csv':
        return hasNul || total === 0 ? 'The file is not CSV text (it holds binary data).' : undefined;
      default: {
        const mainPart = officeMainPart[type];
        if (!mainPart) return `Files of type ${type} are not accepted.`;
        const kind = type.endsWith('.document') ? 'Word (DOCX)' : 'Excel (XLSX)';
        if (!startsWith(bytes, ZIP)) return `The file is not a ${kind} document.`;
        const names = zipEntryNames(Buffer.concat(tail), total);
        if (!names?.includes('[Content_Types].xml') || !names.includes(mainPart)) {
          return `The file is not a ${kind} document (no ${mainPart} in the archive).`;
        }
        return undefined;
      }
    }
  }
}
