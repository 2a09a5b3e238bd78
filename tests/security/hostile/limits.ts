import { randomUUID } from 'node:crypto';
import type { Case, Context } from './catalogue';
import { put, scaleQ } from './catalogue';
import { DRAFT_CAP } from './setup-integrity';

const list = (query: string) => () => ({ method: 'GET', path: `/api/assessments?${query}` });
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const unknownIds = Object.fromEntries(Array.from({ length: 8000 }, (_, i) => [`q${i}`, 3]));
const ifMatch = (value: string) => put({ responses: { [scaleQ]: 3 } }, { headers: { 'if-match': value } });

/** Work without bounds (issue 13, finding 4) and conditional autosaves (finding 5). */
export const limitsCases: Record<string, Case[]> = {
  'unbounded work per user': [
    {
      when: 'a user at the draft cap starts another draft',
      status: 422,
      request: (c: Context) => ({
        method: 'POST',
        path: '/api/assessments',
        body: {},
        cookie: c.cappedCookie,
      }),
      andThen: (_c, problem) => {
        expect(problem.detail).toMatch(new RegExp(`at most ${DRAFT_CAP} drafts`));
      },
    },
    { when: 'a list asks for no items', status: 400, request: list('limit=0') },
    { when: 'a list asks for 101 items', status: 400, request: list('limit=101') },
    { when: 'a list limit is a word', status: 400, request: list('limit=ten') },
    { when: 'a list limit is given twice', status: 400, request: list('limit=5&limit=6') },
    { when: 'a list cursor is not one the API issued', status: 400, request: list('cursor=abc') },
    {
      when: 'a list cursor is forged with SQL inside',
      status: 400,
      request: list(`cursor=${cursor({ u: "2026-01-01' or 1=1--", i: randomUUID() })}`),
    },
    {
      when: 'a list cursor names an id that is not a UUID',
      status: 400,
      request: list(`cursor=${cursor({ u: '2026-01-01T00:00:00.000000Z', i: '1 or 1=1' })}`),
    },
    {
      when: 'an autosave names 8,000 unknown questions (80 kB)',
      status: 400,
      request: put({ responses: unknownIds }),
      andThen: (_c, problem) => {
        expect((problem.errors as unknown[]).length).toBe(20);
        expect(problem.moreErrors).toBe(7980);
        expect(problem.detail).toMatch(/7980 more/);
      },
    },
  ],
  'conditional autosaves (If-Match)': [
    { when: 'If-Match is empty', status: 400, request: ifMatch('') },
    { when: 'If-Match is a quoted word', status: 400, request: ifMatch('"latest"') },
    { when: 'If-Match is a list of versions', status: 400, request: ifMatch('"1", "2"') },
    {
      when: "If-Match is * on another user's assessment",
      status: 404,
      request: (c) => ({ ...ifMatch('*')(c), path: `/api/assessments/${c.bDraft}/responses` }),
    },
  ],
};
