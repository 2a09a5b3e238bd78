import { randomBytes, randomUUID } from 'node:crypto';
import { hashSessionId } from '../../functions/api/features/auth/service';
import { questionIndex } from '../../functions/api/features/questionnaire/service';
import { sessions } from '../../functions/api/platform/db/schema';
import { startTestApp, type TestApp } from '../support/app';
import { ApiClient, allAnswers, PASSWORD, registerAndLogin } from '../support/client';
import { PDF } from '../support/files';
import {
  cognitoLocalKey,
  cognitoLocalPublicJwk,
  decodePayload,
  foreignKey,
  leaks,
  signHs256,
  signRs256,
  snapshot,
  unsigned,
} from './support';

/**
 * The hostile-input catalogue: each case is a request an attacker (or a broken client) might send.
 * Every one must get its specific 4xx as problem+json, give nothing away, and change nothing in the
 * database.
 */

type User = Awaited<ReturnType<typeof registerAndLogin>>;

interface Context {
  app: TestApp;
  a: User;
  b: User;
  /** A's session cookie header. */
  cookie: string;
  aDraft: string;
  aFull: string;
  aSubmitted: string;
  aDraftVersion: number;
  bDraft: string;
  bDoc: string;
  aIdToken: string;
  accessClaims: Record<string, unknown>;
  expiredSessionCookie: string;
}

interface Send {
  method: string;
  path: string;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Defaults to application/json when there is a body; null sends none. */
  contentType?: string | null;
  /** Defaults to A's session cookie; null sends none. */
  cookie?: string | null;
  headers?: Record<string, string>;
}

interface Case {
  when: string;
  status: number;
  request: (ctx: Context) => Send;
}

const first = (type: string) => [...questionIndex.values()].find((q) => q.question.type === type)!.question;
const scaleQ = first('scale').id;
const choiceQ = first('choice').id;
const numberQ = [...questionIndex.values()].find(
  (q) => q.question.type === 'number' && q.question.min === 0 && q.question.max !== undefined,
)!.question;
const textQ = first('text').id;

const put =
  (body: unknown, extra: Partial<Send> = {}) =>
  (c: Context): Send => ({
    method: 'PUT',
    path: `/api/assessments/${c.aDraft}/responses`,
    body,
    ...extra,
  });
const answer = (id: string, value: unknown) => put({ responses: { [id]: value } });
const slot =
  (fields: Record<string, unknown>) =>
  (c: Context): Send => ({
    method: 'POST',
    path: `/api/assessments/${c.aDraft}/documents`,
    body: { fileName: 'board-pack.pdf', contentType: PDF, sizeBytes: 1000, ...fields },
  });
const register = (fields: Record<string, unknown>) => (): Send => ({
  method: 'POST',
  path: '/api/auth/register',
  cookie: null,
  body: {
    email: `hostile-${randomBytes(4).toString('hex')}@example.com`,
    password: PASSWORD,
    companyName: 'Hostile Ltd',
    industry: 'Software',
    ...fields,
  },
});
const bearer =
  (token: (c: Context) => string) =>
  (c: Context): Send => ({
    method: 'GET',
    path: `/api/assessments/${c.aDraft}`,
    cookie: null,
    headers: { authorization: `Bearer ${token(c)}` },
  });
const claims = (c: Context, changes: Record<string, unknown>) => ({ ...c.accessClaims, ...changes });
const now = () => Math.floor(Date.now() / 1000);
const evil =
  (method: string, path: (c: Context) => string, body?: unknown, origin = 'https://evil.example') =>
  (c: Context): Send => ({ method, path: path(c), body, headers: { origin } });
const deep = (levels: number, open: string, close: string, leaf: string) =>
  open.repeat(levels) + leaf + close.repeat(levels);
const tenMegabytes = `{"responses":{"${textQ}":"${'x'.repeat(10 * 1024 * 1024)}"}}`;

const catalogue: Record<string, Case[]> = {
  'malformed and deeply nested JSON': [
    { when: 'the JSON is cut short', status: 400, request: put('{"responses": {') },
    {
      when: 'a register body has a missing value',
      status: 400,
      request: () => ({
        method: 'POST',
        path: '/api/auth/register',
        cookie: null,
        body: '{"email": "x@example.com", "password": }',
      }),
    },
    {
      when: 'the JSON uses single quotes',
      status: 400,
      request: (c) => ({ ...slot({})(c), body: "{'fileName': 'a.pdf'}" }),
    },
    { when: 'the JSON has trailing garbage', status: 400, request: put(`{"responses":{"${scaleQ}":3}} xyz`) },
    { when: 'the body is JSON null', status: 400, request: put('null') },
    { when: 'the body is a bare JSON string', status: 400, request: put('"responses"') },
    { when: 'the body is a JSON array', status: 400, request: put(`[{"responses":{"${scaleQ}":3}}]`) },
    {
      when: 'an answer is an array nested 40,000 deep',
      status: 400,
      request: put(`{"responses":{"${scaleQ}":${deep(40_000, '[', ']', '3')}}}`),
    },
    {
      when: 'an e-mail is an object nested 15,000 deep',
      status: 400,
      request: () => ({
        method: 'POST',
        path: '/api/auth/login',
        cookie: null,
        body: `{"email":${deep(15_000, '{"a":', '}', '1')},"password":"x"}`,
      }),
    },
    {
      when: 'a login uses query operators instead of strings',
      status: 400,
      request: () => ({
        method: 'POST',
        path: '/api/auth/login',
        cookie: null,
        body: { email: { $ne: null }, password: { $ne: null } },
      }),
    },
  ],
  'a wrong Content-Type': [
    {
      when: 'JSON is sent as text/plain',
      status: 415,
      request: put(`{"responses":{"${scaleQ}":3}}`, { contentType: 'text/plain' }),
    },
    {
      when: 'a register form is url-encoded',
      status: 415,
      request: () => ({
        method: 'POST',
        path: '/api/auth/register',
        cookie: null,
        contentType: 'application/x-www-form-urlencoded',
        body: `email=a%40example.com&password=${PASSWORD}&companyName=A&industry=B`,
      }),
    },
    {
      when: 'an upload slot is requested as multipart',
      status: 415,
      request: (c) => ({
        ...slot({})(c),
        contentType: 'multipart/form-data; boundary=x',
        body: '--x\r\nContent-Disposition: form-data; name="fileName"\r\n\r\na.pdf\r\n--x--',
      }),
    },
    {
      when: 'a login is sent as XML',
      status: 415,
      request: () => ({
        method: 'POST',
        path: '/api/auth/login',
        cookie: null,
        contentType: 'application/xml',
        body: '<login><email>a@example.com</email></login>',
      }),
    },
    {
      when: 'UTF-8 JSON claims a UTF-16 charset',
      status: 400,
      request: put(`{"responses":{"${scaleQ}":3}}`, { contentType: 'application/json; charset=utf-16' }),
    },
    {
      when: 'JSON claims a Latin-1 charset',
      status: 415,
      request: put(`{"responses":{"${scaleQ}":3}}`, { contentType: 'application/json; charset=latin1' }),
    },
    {
      when: 'the body has an unknown content encoding',
      status: 415,
      request: put(`{"responses":{"${scaleQ}":3}}`, { headers: { 'content-encoding': 'x-evil' } }),
    },
    {
      when: 'an answer is sent as an octet stream',
      status: 415,
      request: put(`{"responses":{"${scaleQ}":3}}`, { contentType: 'application/octet-stream' }),
    },
  ],
  'oversized bodies': [
    { when: 'an autosave is 10 MB', status: 413, request: put(tenMegabytes) },
    {
      when: 'a register body is 10 MB',
      status: 413,
      request: () => ({
        method: 'POST',
        path: '/api/auth/register',
        cookie: null,
        body: `{"email":"a@example.com","companyName":"${'A'.repeat(10 * 1024 * 1024)}"}`,
      }),
    },
    {
      when: 'an upload-slot body is 150 kB',
      status: 413,
      request: slot({ fileName: `${'a'.repeat(150 * 1024)}.pdf` }),
    },
  ],
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
  'type confusion': [
    { when: 'responses is an array', status: 400, request: put({ responses: [3, 4] }) },
    { when: 'responses is a string', status: 400, request: put({ responses: 'all fives' }) },
    { when: 'a scale answer is a numeric string', status: 400, request: answer(scaleQ, '5') },
    { when: 'a scale answer is a boolean', status: 400, request: answer(scaleQ, true) },
    { when: 'a scale answer is an array', status: 400, request: answer(scaleQ, [5]) },
    { when: 'a scale answer is a query operator', status: 400, request: answer(scaleQ, { $gt: 0 }) },
    {
      when: 'a scale answer overflows to Infinity',
      status: 400,
      request: put(`{"responses":{"${scaleQ}":1e400}}`),
    },
    { when: 'a number answer is a numeric string', status: 400, request: answer(numberQ.id, '12') },
    { when: 'a file size is a numeric string', status: 400, request: slot({ sizeBytes: '1000' }) },
    { when: 'a file size is a fraction', status: 400, request: slot({ sizeBytes: 1.5 }) },
    { when: 'a file name is an array', status: 400, request: slot({ fileName: ['board-pack.pdf'] }) },
    { when: 'a content type is an array', status: 400, request: slot({ contentType: [PDF] }) },
    {
      when: 'a login e-mail is an array',
      status: 400,
      request: (c) => ({
        method: 'POST',
        path: '/api/auth/login',
        cookie: null,
        body: { email: [c.a.email], password: PASSWORD },
      }),
    },
    {
      when: 'a register password is an object',
      status: 400,
      request: register({ password: { toString: PASSWORD } }),
    },
    {
      when: 'responses holds a __proto__ key',
      status: 400,
      request: put(`{"responses":{"__proto__":{"polluted":true},"${scaleQ}":3}}`),
    },
    {
      when: 'responses holds a constructor key',
      status: 400,
      request: put(`{"responses":{"constructor":3}}`),
    },
    {
      when: 'a register body has a __proto__ key',
      status: 400,
      request: () => ({
        method: 'POST',
        path: '/api/auth/register',
        cookie: null,
        body: `{"email":"proto-${randomBytes(3).toString('hex')}@example.com","password":"${PASSWORD}","companyName":"A","industry":"B","__proto__":{"isAdmin":true}}`,
      }),
    },
    {
      when: 'an upload-slot body has a __proto__ key',
      status: 400,
      request: (c) => ({
        ...slot({})(c),
        body: `{"fileName":"a.pdf","contentType":"${PDF}","sizeBytes":10,"__proto__":{"sizeBytes":0}}`,
      }),
    },
    {
      when: 'a new assessment names another owner',
      status: 400,
      request: (c) => ({ method: 'POST', path: '/api/assessments', body: { userId: c.b.userId } }),
    },
    {
      when: 'a new assessment asks to be submitted already',
      status: 400,
      request: () => ({ method: 'POST', path: '/api/assessments', body: { status: 'submitted' } }),
    },
    { when: 'a register body asks for a role', status: 400, request: register({ role: 'admin' }) },
    {
      when: 'an autosave sets the version',
      status: 400,
      request: put({ responses: { [scaleQ]: 3 }, version: 99 }),
    },
  ],
  'unknown question ids': [
    { when: 'a question id does not exist', status: 400, request: answer('not-a-question', 3) },
    { when: 'responses is empty', status: 400, request: put({ responses: {} }) },
    { when: 'a question id is 101 characters', status: 400, request: answer('q'.repeat(101), 3) },
    {
      when: 'one answer is valid and one id is unknown',
      status: 400,
      request: put({ responses: { [scaleQ]: 4, 'not-a-question': 3 } }),
    },
    { when: 'a question id differs only in case', status: 400, request: answer(scaleQ.toUpperCase(), 3) },
    { when: 'a domain id is sent as a question id', status: 400, request: answer('strategy', 3) },
  ],
  'out-of-range values': [
    { when: 'a scale answer is 0', status: 400, request: answer(scaleQ, 0) },
    { when: 'a scale answer is 6', status: 400, request: answer(scaleQ, 6) },
    { when: 'a scale answer is negative', status: 400, request: answer(scaleQ, -1) },
    { when: 'a scale answer is 3.5', status: 400, request: answer(scaleQ, 3.5) },
    { when: 'a scale answer is 1e308', status: 400, request: answer(scaleQ, 1e308) },
    { when: 'a number answer is below its minimum', status: 400, request: answer(numberQ.id, -1) },
    {
      when: 'a number answer is above its maximum',
      status: 400,
      request: answer(numberQ.id, (numberQ.max ?? 0) + 1),
    },
    { when: 'a choice answer is not an option', status: 400, request: answer(choiceQ, 'maybe') },
  ],
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
  "other users' resources (BOLA)": [
    {
      when: "A reads B's assessment",
      status: 404,
      request: (c) => ({ method: 'GET', path: `/api/assessments/${c.bDraft}` }),
    },
    {
      when: "A autosaves into B's assessment",
      status: 404,
      request: (c) => ({
        method: 'PUT',
        path: `/api/assessments/${c.bDraft}/responses`,
        body: { responses: { [scaleQ]: 1 } },
      }),
    },
    {
      when: "A submits B's assessment",
      status: 404,
      request: (c) => ({ method: 'POST', path: `/api/assessments/${c.bDraft}/submit` }),
    },
    {
      when: "A asks for an upload slot on B's assessment",
      status: 404,
      request: (c) => ({ ...slot({})(c), path: `/api/assessments/${c.bDraft}/documents` }),
    },
    {
      when: "A completes B's document",
      status: 404,
      request: (c) => ({ method: 'POST', path: `/api/assessments/${c.bDraft}/documents/${c.bDoc}/complete` }),
    },
    {
      when: "A downloads B's document",
      status: 404,
      request: (c) => ({ method: 'GET', path: `/api/assessments/${c.bDraft}/documents/${c.bDoc}/download` }),
    },
    {
      when: "A deletes B's document",
      status: 404,
      request: (c) => ({ method: 'DELETE', path: `/api/assessments/${c.bDraft}/documents/${c.bDoc}` }),
    },
    {
      when: "A deletes B's document through A's own assessment",
      status: 404,
      request: (c) => ({ method: 'DELETE', path: `/api/assessments/${c.aDraft}/documents/${c.bDoc}` }),
    },
    {
      when: "A reads B's assessment with a Bearer token",
      status: 404,
      request: (c) => ({
        method: 'GET',
        path: `/api/assessments/${c.bDraft}`,
        cookie: null,
        headers: { authorization: `Bearer ${c.a.accessToken}` },
      }),
    },
    {
      when: 'an assessment id does not exist',
      status: 404,
      request: () => ({ method: 'GET', path: `/api/assessments/${randomUUID()}` }),
    },
  ],
  'JSON Web Tokens': [
    {
      when: 'a token payload is swapped for another user (signature kept)',
      status: 401,
      request: bearer((c) => {
        const [h, , s] = c.a.accessToken.split('.');
        return `${h}.${Buffer.from(JSON.stringify(claims(c, { sub: decodePayload(c.b.accessToken).sub }))).toString('base64url')}.${s}`;
      }),
    },
    {
      when: 'a token signature is tampered',
      status: 401,
      request: bearer((c) => {
        const [h, p, s] = c.a.accessToken.split('.');
        return `${h}.${p}.${s!.slice(0, -4)}${s!.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
      }),
    },
    { when: 'a token has alg none', status: 401, request: bearer((c) => unsigned(c.accessClaims)) },
    {
      when: 'a token has expired',
      status: 401,
      request: bearer((c) =>
        signRs256(claims(c, { iat: now() - 7200, exp: now() - 3600 }), cognitoLocalKey()),
      ),
    },
    {
      when: 'a token is not valid yet',
      status: 401,
      request: bearer((c) => signRs256(claims(c, { nbf: now() + 3600 }), cognitoLocalKey())),
    },
    {
      when: 'a token comes from another issuer',
      status: 401,
      request: bearer((c) =>
        signRs256(
          claims(c, { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_evil' }),
          cognitoLocalKey(),
        ),
      ),
    },
    { when: 'an ID token is sent as the access token', status: 401, request: bearer((c) => c.aIdToken) },
    {
      when: 'a token was issued to another app client',
      status: 401,
      request: bearer((c) => signRs256(claims(c, { client_id: 'someone-elses-client' }), cognitoLocalKey())),
    },
    {
      when: 'a token is signed by a foreign key under the right kid',
      status: 401,
      request: bearer((c) => signRs256(c.accessClaims, foreignKey())),
    },
    {
      when: 'a token is HS256-signed with the public key (algorithm confusion)',
      status: 401,
      request: bearer((c) => signHs256(c.accessClaims, cognitoLocalPublicJwk().n)),
    },
    {
      when: 'a validly signed token names a user with no account',
      status: 401,
      request: bearer((c) =>
        signRs256(claims(c, { sub: randomUUID(), username: randomUUID() }), cognitoLocalKey()),
      ),
    },
    {
      when: 'the Authorization header is Basic',
      status: 401,
      request: (c) => ({ ...bearer(() => '')(c), headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }),
    },
    {
      when: 'the Bearer token is not a JWT',
      status: 401,
      request: (c) => ({
        ...bearer(() => '')(c),
        headers: { authorization: 'Bearer <script>alert(1)</script>' },
      }),
    },
  ],
  'session cookies': [
    {
      when: 'there is no cookie',
      status: 401,
      request: () => ({ method: 'GET', path: '/api/assessments', cookie: null }),
    },
    {
      when: 'the cookie is forged',
      status: 401,
      request: () => ({
        method: 'GET',
        path: '/api/assessments',
        cookie: `scalemap_session=${randomBytes(32).toString('base64url')}`,
      }),
    },
    {
      when: 'the session has expired',
      status: 401,
      request: (c) => ({ method: 'GET', path: '/api/assessments', cookie: c.expiredSessionCookie }),
    },
    {
      when: 'an expired session autosaves',
      status: 401,
      request: (c) => ({ ...answer(scaleQ, 2)(c), cookie: c.expiredSessionCookie }),
    },
    {
      when: 'the cookie holds a path and quotes',
      status: 401,
      request: () => ({ method: 'GET', path: '/api/auth/me', cookie: 'scalemap_session="../../etc/passwd"' }),
    },
    {
      when: 'a __Host- cookie is forged',
      status: 401,
      request: () => ({
        method: 'GET',
        path: '/api/auth/me',
        cookie: `__Host-scalemap_session=${randomBytes(32).toString('base64url')}`,
      }),
    },
    {
      when: 'a valid cookie comes with a broken Authorization header',
      status: 401,
      request: (c) => ({
        method: 'GET',
        path: '/api/auth/me',
        headers: { authorization: `Bearer ${c.a.accessToken} extra` },
      }),
    },
  ],
  'cross-origin unsafe requests with a cookie': [
    {
      when: 'another origin autosaves',
      status: 403,
      request: evil('PUT', (c) => `/api/assessments/${c.aDraft}/responses`, { responses: { [scaleQ]: 1 } }),
    },
    {
      when: 'another origin submits',
      status: 403,
      request: evil('POST', (c) => `/api/assessments/${c.aDraft}/submit`),
    },
    {
      when: 'another origin creates an assessment',
      status: 403,
      request: evil('POST', () => '/api/assessments', {}),
    },
    {
      when: 'another origin asks for an upload slot',
      status: 403,
      request: evil('POST', (c) => `/api/assessments/${c.aDraft}/documents`, {
        fileName: 'a.pdf',
        contentType: PDF,
        sizeBytes: 10,
      }),
    },
    {
      when: 'another origin logs the user out',
      status: 403,
      request: evil('POST', () => '/api/auth/logout'),
    },
    {
      when: 'the origin is null (sandboxed frame)',
      status: 403,
      request: evil(
        'PUT',
        (c) => `/api/assessments/${c.aDraft}/responses`,
        { responses: { [scaleQ]: 1 } },
        'null',
      ),
    },
    {
      when: 'the origin only starts like ours',
      status: 403,
      request: (c) => evil('POST', () => '/api/assessments', {}, `${c.app.url}.evil.example`)(c),
    },
  ],
};

let ctx: Context;

beforeAll(async () => {
  const app = await startTestApp();
  const [a, b] = await Promise.all([registerAndLogin(app.url, 'alice'), registerAndLogin(app.url, 'bob')]);
  const cookie = [...a.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const create = async (u: User) => (await u.client.post<{ id: string }>('/api/assessments', {})).body.id;
  const [aDraft, aFull, aSubmitted, bDraft] = await Promise.all([create(a), create(a), create(a), create(b)]);
  const saved = await a.client.put<{ version: number }>(`/api/assessments/${aDraft}/responses`, {
    responses: { [scaleQ]: 3, [textQ]: 'We hire carefully.' },
  });
  for (let i = 0; i < 20; i++) {
    const res = await a.client.post(`/api/assessments/${aFull}/documents`, {
      fileName: `doc-${i}.pdf`,
      contentType: PDF,
      sizeBytes: 100,
    });
    if (res.status !== 201) throw new Error(`setup: document ${i} got ${res.status}`);
  }
  await a.client.put(`/api/assessments/${aSubmitted}/responses`, { responses: allAnswers() });
  const submitted = await a.client.post(`/api/assessments/${aSubmitted}/submit`);
  if (submitted.status !== 200) throw new Error(`setup: submit got ${submitted.status}`);
  const bDoc = await b.client.post<{ document: { id: string } }>(`/api/assessments/${bDraft}/documents`, {
    fileName: 'secret-plan.pdf',
    contentType: PDF,
    sizeBytes: 100,
  });
  const tokens = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: a.email, password: PASSWORD }),
  }).then((r) => r.json() as Promise<{ idToken: string; accessToken: string }>);
  const expiredId = randomBytes(32).toString('base64url');
  await app.deps.db.db.insert(sessions).values({
    idHash: hashSessionId(expiredId),
    userId: a.userId,
    expiresAt: new Date(Date.now() - 60_000),
  });
  ctx = {
    app,
    a,
    b,
    cookie,
    aDraft,
    aFull,
    aSubmitted,
    aDraftVersion: saved.body.version,
    bDraft,
    bDoc: bDoc.body.document.id,
    aIdToken: tokens.idToken,
    accessClaims: decodePayload(tokens.accessToken),
    expiredSessionCookie: `scalemap_session=${expiredId}`,
  };
}, 60_000);

afterAll(async () => {
  await ctx?.app.stop();
});

async function send(req: Send) {
  const headers: Record<string, string> = { ...req.headers };
  const body =
    req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
  const type =
    req.contentType === undefined ? (body === undefined ? null : 'application/json') : req.contentType;
  if (type) headers['content-type'] = type;
  const cookie = req.cookie === undefined ? ctx.cookie : req.cookie;
  if (cookie) headers.cookie = cookie;
  const res = await fetch(ctx.app.url + req.path, { method: req.method, headers, body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('The hostile-input catalogue', () => {
  it('has at least 60 cases', () => {
    expect(Object.values(catalogue).flat().length).toBeGreaterThanOrEqual(60);
  });

  it('when a token is re-signed unchanged with the stand-in key, then it is accepted (so the JWT cases test what they claim)', async () => {
    const token = signRs256(ctx.accessClaims, cognitoLocalKey());
    expect((await send(bearer(() => token)(ctx))).status).toBe(200);
  });

  for (const [subject, cases] of Object.entries(catalogue)) {
    describe(subject, () => {
      for (const c of cases) {
        it(`when ${c.when}, then ${c.status} and the database is unchanged`, async () => {
          const before = await snapshot(ctx.app.deps.db.db);
          const res = await send(c.request(ctx));
          const body = res.text.slice(0, 300);
          expect({ status: res.status, body }).toEqual({ status: c.status, body });
          expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          const problem = JSON.parse(res.text) as { status: number; title: string; correlationId: string };
          expect(problem.status).toBe(c.status);
          expect(problem.correlationId).toBe(res.headers.get('x-correlation-id'));
          for (const [what, pattern] of leaks) {
            expect({ what, found: pattern.exec(res.text)?.[0] }).toEqual({ what, found: undefined });
          }
          expect(await snapshot(ctx.app.deps.db.db)).toEqual(before);
        });
      }
    });
  }
});

describe('Hostile text where text is allowed', () => {
  const script = '<script>alert(document.cookie)</script>';
  const sqlish = "Robert'); DROP TABLE users;--";

  it('when a company name and industry are SQL and script strings, then they are stored and returned inertly, as JSON', async () => {
    const client = new ApiClient(ctx.app.url);
    const email = `inert-${randomBytes(4).toString('hex')}@example.com`;
    const reg = await client.post('/api/auth/register', {
      email,
      password: PASSWORD,
      companyName: sqlish,
      industry: `"><img src=x onerror=alert(1)> ${script}`,
    });
    expect(reg.status).toBe(201);
    expect((await client.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
    const me = await client.get<{ companyName: string; industry: string }>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('content-type')).toMatch(/^application\/json/);
    expect(me.headers.get('x-content-type-options')).toBe('nosniff');
    expect(me.body).toMatchObject({
      companyName: sqlish,
      industry: `"><img src=x onerror=alert(1)> ${script}`,
    });
    const users = await snapshot(ctx.app.deps.db.db);
    expect(users?.users).toBeGreaterThanOrEqual(3);
  });

  it('when a text answer and a file name hold SQL and script strings, then they round-trip unchanged', async () => {
    const id = (await ctx.a.client.post<{ id: string }>('/api/assessments', {})).body.id;
    const text = `${sqlish} ${script} \u2028 ${'💥'.repeat(3)}`;
    const saved = await ctx.a.client.put(`/api/assessments/${id}/responses`, {
      responses: { [textQ]: text },
    });
    expect(saved.status).toBe(200);
    const fileName = "Q3 'budget'; DROP TABLE documents;-- <b>.pdf";
    const slotRes = await ctx.a.client.post(`/api/assessments/${id}/documents`, {
      fileName,
      contentType: PDF,
      sizeBytes: 10,
    });
    expect(slotRes.status).toBe(201);
    const detail = await ctx.a.client.get<{
      responses: Record<string, unknown>;
      documents: { fileName: string }[];
    }>(`/api/assessments/${id}`);
    expect(detail.body.responses[textQ]).toBe(text);
    expect(detail.body.documents.map((d) => d.fileName)).toEqual([fileName]);
  });
});

describe('Login brute force', () => {
  let limited: TestApp | undefined;
  afterAll(async () => {
    await limited?.stop();
  });

  it('when the same account gets more failed logins than the limit, then further attempts get 429 even with the right password, and nothing is written', async () => {
    limited = await startTestApp({ env: { AUTH_RATE_LIMIT: '5' } });
    const victim = await registerAndLogin(limited.url, 'victim');
    const before = await snapshot(limited.deps.db.db);
    const attempt = (password: string) =>
      fetch(`${limited!.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: victim.email, password }),
      });
    // The successful login above counts too: four more failures reach the limit of five.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt(`Wrong-Password-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const blocked = await attempt(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await blocked.text();
    for (const [, pattern] of leaks) expect(body).not.toMatch(pattern);
    expect((await attempt(PASSWORD)).status).toBe(429);
    expect(await snapshot(limited.deps.db.db)).toEqual(before);
    // Existing sessions are not locked out.
    expect((await victim.client.get('/api/auth/me')).status).toBe(200);
  });
});
