import { answer, type Case, choiceQ, put, register, scaleQ, slot, textQ } from './catalogue';

/** Control characters, broken Unicode, and SQL or script strings where they cannot belong. */
export const textCases: Record<string, Case[]> = {
  'unicode and control characters': [
    { when: 'a company name holds a NUL', status: 400, request: register({ companyName: 'Acme\u0000Ltd' }) },
    {
      when: 'an industry holds a bell character',
      status: 400,
      request: register({ industry: 'Soft\u0007ware' }),
    },
    {
      when: 'an e-mail holds a right-to-left override',
      status: 400,
      request: register({ email: 'admin\u202e@example.com' }),
    },
    {
      when: 'an e-mail holds a zero-width space',
      status: 400,
      request: register({ email: 'ad\u200bmin@example.com' }),
    },
    {
      when: 'a company name is 201 emoji',
      status: 400,
      request: register({ companyName: '🚀'.repeat(201) }),
    },
    {
      when: 'a company name holds a lone surrogate',
      status: 400,
      request: register({ companyName: 'Acme \ud83d Ltd' }),
    },
    {
      when: 'a text answer holds a C1 control character',
      status: 400,
      request: answer(textQ, 'next\u0085line'),
    },
    { when: 'a text answer holds a NUL', status: 400, request: answer(textQ, 'before\u0000after') },
    {
      when: 'a text answer holds terminal escape codes',
      status: 400,
      request: answer(textQ, '\u001b[31mred\u001b[0m'),
    },
    {
      when: 'a text answer holds a lone surrogate',
      status: 400,
      request: answer(textQ, 'broken \ud800 text'),
    },
    { when: 'a text answer is over 2000 characters', status: 400, request: answer(textQ, 'x'.repeat(2001)) },
    { when: 'a question id holds a NUL', status: 400, request: answer(`${scaleQ}\u0000`, 3) },
    { when: 'a file name holds a NUL', status: 400, request: slot({ fileName: 'report\u0000.pdf' }) },
    {
      when: 'a file name holds a C1 control character',
      status: 400,
      request: slot({ fileName: 'report\u0085.pdf' }),
    },
    {
      when: 'a file name holds a lone surrogate',
      status: 400,
      request: slot({ fileName: 'report\udc00.pdf' }),
    },
  ],
  'SQL-ish and script strings where they cannot belong': [
    { when: 'a question id is a SQL tautology', status: 400, request: answer("' OR 1=1 --", 3) },
    {
      when: 'a question id tries to drop a table',
      status: 400,
      request: answer("x'); DROP TABLE assessment_responses; --", 3),
    },
    { when: 'a choice answer is a SQL string', status: 400, request: answer(choiceQ, "' OR ''='") },
    {
      when: 'a scale answer is a script tag',
      status: 400,
      request: answer(scaleQ, '<script>alert(1)</script>'),
    },
    {
      when: 'the assessment id in the path is a SQL tautology',
      status: 404,
      request: () => ({ method: 'GET', path: `/api/assessments/${encodeURIComponent('1 OR 1=1')}` }),
    },
    {
      when: 'the assessment id in the path is quoted SQL',
      status: 404,
      request: () => ({
        method: 'PUT',
        path: `/api/assessments/${encodeURIComponent("' OR '1'='1")}/responses`,
        body: { responses: { [scaleQ]: 3 } },
      }),
    },
    {
      when: 'the document id in the path is a script tag',
      status: 404,
      request: (c) => ({
        method: 'POST',
        path: `/api/assessments/${c.aDraft}/documents/${encodeURIComponent('<script>alert(1)</script>')}/complete`,
      }),
    },
    {
      when: 'a file name is a script tag',
      status: 400,
      request: slot({ fileName: '<script>alert(1)</script>.pdf' }),
    },
    {
      when: 'a file name ends in SQL after the extension',
      status: 400,
      request: slot({ fileName: "report.pdf'; DROP TABLE documents;--" }),
    },
    {
      when: 'If-Match carries SQL',
      status: 400,
      request: put({ responses: { [scaleQ]: 3 } }, { headers: { 'if-match': '1; DROP TABLE assessments' } }),
    },
    {
      when: 'a login e-mail is a SQL tautology',
      status: 400,
      request: () => ({
        method: 'POST',
        path: '/api/auth/login',
        cookie: null,
        body: { email: "' OR 1=1 --", password: 'x' },
      }),
    },
    {
      when: 'a login password is a SQL tautology',
      status: 401,
      request: (c) => ({
        method: 'POST',
        path: '/api/auth/login',
        cookie: null,
        body: { email: c.a.email, password: "' OR '1'='1" },
      }),
    },
    {
      when: 'a register e-mail is a script tag',
      status: 400,
      request: register({ email: '<script>alert(1)</script>@example.com' }),
    },
  ],
};
