import type { Case } from './catalogue';

const get = (path: string) => () => ({ method: 'GET', path, cookie: null });
const raw = (text: string) => () => ({ method: 'RAW', path: '', raw: text });

/** Percent-encodings that cannot be decoded, and requests Node's HTTP parser refuses (issue 13, finding 2). */
export const urlsCases: Record<string, Case[]> = {
  'malformed percent-encoding': [
    { when: 'the path is a lone percent sign', status: 400, request: get('/%') },
    { when: 'an asset path ends in a lone percent sign', status: 400, request: get('/assets/%') },
    {
      when: 'an assessment id is a lone percent sign',
      status: 400,
      request: () => ({ method: 'GET', path: '/api/assessments/%' }),
    },
    {
      when: 'a document path holds a cut-off UTF-8 escape',
      status: 400,
      request: (c) => ({ method: 'POST', path: `/api/assessments/${c.aDraft}/documents/%E0%A4%A/complete` }),
    },
    {
      when: 'an autosave path holds a non-hex escape',
      status: 400,
      request: () => ({ method: 'PUT', path: '/api/assessments/%zz/responses', body: { responses: {} } }),
    },
    { when: 'an unknown API path ends in a lone percent sign', status: 400, request: get('/api/nothing/%') },
  ],
  "what Node's HTTP parser refuses": [
    {
      when: 'the request headers are larger than Node allows',
      status: 431,
      request: raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    },
    {
      when: 'the method is not a valid token',
      status: 400,
      request: raw('GE@T /api/health HTTP/1.1\r\nHost: x\r\n\r\n'),
    },
    { when: 'the request line is not HTTP at all', status: 400, request: raw('HELLO WORLD\r\n\r\n') },
    {
      when: 'Content-Length is not a number',
      status: 400,
      request: raw('POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n'),
    },
    {
      when: 'Content-Length and chunked Transfer-Encoding are both sent (request smuggling)',
      status: 400,
      request: raw(
        'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      ),
    },
  ],
};
