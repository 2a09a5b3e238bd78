import { PDF } from '../../support/files';
import { answer, type Case, put, scaleQ, slot } from './catalogue';

/** Upload slots: file names, MIME types, sizes, and limits and state. */
export const filesCases: Record<string, Case[]> = {
  'file names': [
    {
      when: 'a file name climbs directories',
      status: 400,
      request: slot({ fileName: '../../etc/passwd.pdf' }),
    },
    {
      when: 'a file name climbs with backslashes',
      status: 400,
      request: slot({ fileName: '..\\..\\windows\\win.ini.pdf' }),
    },
    { when: 'a file name is absolute', status: 400, request: slot({ fileName: '/etc/passwd.pdf' }) },
    {
      when: 'a file name is a Windows path',
      status: 400,
      request: slot({ fileName: 'C:\\temp\\board.pdf' }),
    },
    { when: 'a file name is only dots', status: 400, request: slot({ fileName: '....pdf' }) },
    { when: 'a file name is empty', status: 400, request: slot({ fileName: '' }) },
    {
      when: 'a file name is 201 characters',
      status: 400,
      request: slot({ fileName: `${'a'.repeat(197)}.pdf` }),
    },
    { when: 'a file name starts with a space', status: 400, request: slot({ fileName: ' board.pdf' }) },
    {
      when: 'a file name hides an executable after the PDF extension',
      status: 400,
      request: slot({ fileName: 'board.pdf.exe' }),
    },
  ],
  'disallowed MIME types': [
    {
      when: 'the type is a Windows executable',
      status: 400,
      request: slot({ fileName: 'setup.exe', contentType: 'application/x-msdownload' }),
    },
    {
      when: 'the type is HTML',
      status: 400,
      request: slot({ fileName: 'page.html', contentType: 'text/html' }),
    },
    {
      when: 'the type is SVG',
      status: 400,
      request: slot({ fileName: 'logo.svg', contentType: 'image/svg+xml' }),
    },
    {
      when: 'the type is a PDF with parameters',
      status: 400,
      request: slot({ contentType: `${PDF}; charset=binary` }),
    },
    { when: 'the type is an upper-case PDF', status: 400, request: slot({ contentType: PDF.toUpperCase() }) },
    {
      when: 'the type is an octet stream',
      status: 400,
      request: slot({ contentType: 'application/octet-stream' }),
    },
  ],
  sizes: [
    { when: 'the size is 0', status: 400, request: slot({ sizeBytes: 0 }) },
    {
      when: 'the size is 25 MB plus one byte',
      status: 400,
      request: slot({ sizeBytes: 25 * 1024 * 1024 + 1 }),
    },
    { when: 'the size is negative', status: 400, request: slot({ sizeBytes: -1 }) },
    { when: 'the size is beyond 2^53', status: 400, request: slot({ sizeBytes: 2 ** 60 }) },
  ],
  'limits and state': [
    {
      when: 'a 21st document is requested',
      status: 422,
      request: (c) => ({ ...slot({})(c), path: `/api/assessments/${c.aFull}/documents` }),
    },
    {
      when: 'a submitted assessment is autosaved',
      status: 409,
      request: (c) => ({ ...answer(scaleQ, 3)(c), path: `/api/assessments/${c.aSubmitted}/responses` }),
    },
    {
      when: 'a document is added to a submitted assessment',
      status: 409,
      request: (c) => ({ ...slot({})(c), path: `/api/assessments/${c.aSubmitted}/documents` }),
    },
    {
      when: 'an autosave carries a stale version',
      status: 409,
      request: (c) =>
        put({ responses: { [scaleQ]: 2 } }, { headers: { 'if-match': `"${c.aDraftVersion - 1}"` } })(c),
    },
  ],
};
