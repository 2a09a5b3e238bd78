import { contentCheck, zipEntryNames } from '../../../functions/api/features/documents/content-check';
import { docx, pdf, xlsx, zip } from '../../e2e/fixtures';
import { DOCX, impostors, PDF, XLSX } from '../../support/files';

const PNG = 'image/png';
const JPEG = 'image/jpeg';
const CSV = 'text/csv';

/** Feeds the bytes in chunks of `size`, as a stream would. */
function judge(type: string, bytes: Uint8Array, size = 7) {
  const check = contentCheck(type);
  for (let i = 0; i < bytes.length; i += size) check.update(bytes.subarray(i, i + size));
  return check.verdict();
}

const cases: [string, string, Uint8Array, boolean][] = [
  ['a real PDF', PDF, pdf('board pack'), true],
  ['an executable named .pdf', PDF, impostors.executable(), false],
  ['a real DOCX', DOCX, docx('org chart'), true],
  ['a real XLSX', XLSX, xlsx([['a', 1]]), true],
  ['an XLSX declared as DOCX', DOCX, xlsx([['a', 1]]), false],
  ['a DOCX declared as XLSX', XLSX, docx('org chart'), false],
  ['a ZIP without [Content_Types].xml', DOCX, impostors.plainZip(), false],
  ['a ZIP with the main part but no [Content_Types].xml', DOCX, zip({ 'word/document.xml': '<w/>' }), false],
  ['a PDF declared as DOCX', DOCX, pdf('x'), false],
  ['a PNG', PNG, impostors.png(), true],
  ['a JPEG declared as PNG', PNG, impostors.jpeg(), false],
  ['a JPEG', JPEG, impostors.jpeg(), true],
  ['a PNG declared as JPEG', JPEG, impostors.png(), false],
  ['CSV text', CSV, new TextEncoder().encode('month,revenue\njan,1\n'), true],
  ['CSV with a NUL byte', CSV, impostors.csvWithNul(), false],
  ['an executable named .csv', CSV, impostors.executable(), false],
];

describe('contentCheck(type)', () => {
  for (const [what, type, bytes, ok] of cases) {
    it(`when the bytes are ${what}, then it ${ok ? 'accepts' : 'refuses'} them`, () => {
      const verdict = judge(type, bytes);
      expect({ what, mismatch: verdict.mismatch !== undefined }).toEqual({ what, mismatch: !ok });
      expect(verdict.sizeBytes).toBe(bytes.length);
    });
  }

  it('when bytes stream in odd chunks, then the SHA-256 is the whole file’s', () => {
    const bytes = docx('hash me');
    const expected = require('node:crypto').createHash('sha256').update(bytes).digest('hex');
    expect(judge(DOCX, bytes, 3).sha256).toBe(expected);
    expect(judge(DOCX, bytes, 100_000).sha256).toBe(expected);
  });

  it('when a DOCX is larger than the kept tail, then its directory is still found at the end', () => {
    const big = docx('x'.repeat(3 * 1024 * 1024));
    expect(judge(DOCX, big, 64 * 1024).mismatch).toBeUndefined();
  });
});

describe('zipEntryNames(tail, total)', () => {
  it('when the archive is whole, then it lists every entry', () => {
    const z = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' });
    expect(zipEntryNames(z, z.length)).toEqual(['[Content_Types].xml', 'word/document.xml']);
  });

  it('when the directory starts before the kept tail or the bytes are not a ZIP, then null', () => {
    const z = zip({ 'a.txt': 'a'.repeat(200) });
    expect(zipEntryNames(z.subarray(z.length - 30), z.length)).toBeNull();
    expect(zipEntryNames(new TextEncoder().encode('%PDF-1.4 no zip here at all, none'), 33)).toBeNull();
  });
});
