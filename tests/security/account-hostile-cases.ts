import { randomUUID } from 'node:crypto';
import { PASSWORD, type registerAndLogin } from '../support/client';
import type { Case as HostileCase, Send, Target } from './hostile/catalogue';
import { signHs256, unsigned } from './support';

/** The hostile cases for the issue-14 endpoints; account-hostile.test.ts runs them. */

export type User = Awaited<ReturnType<typeof registerAndLogin>>;

export interface Context extends Target {
  a: User;
  aDraft: string;
  aSubmitted: string;
  bDraft: string;
  bSubmitted: string;
  accessClaims: Record<string, unknown>;
}

type Case = HostileCase<Context>;

const rename =
  (body: unknown, id: (c: Context) => string = (c) => c.aDraft) =>
  (c: Context): Send => ({ method: 'PATCH', path: `/api/assessments/${id(c)}`, body });
const anon = (path: string, body: unknown) => (): Send => ({ method: 'POST', path, body, cookie: null });
const deleteAccount =
  (body: unknown, extra: Partial<Send> = {}) =>
  (): Send => ({ method: 'DELETE', path: '/api/account', body, ...extra });
const changePassword =
  (body: unknown, extra: Partial<Send> = {}) =>
  (): Send => ({ method: 'POST', path: '/api/auth/change-password', body, ...extra });
const email = 'someone@example.com';

export const catalogue: Record<string, Case[]> = {
  'rename (PATCH /api/assessments/:id)': [
    { when: 'the name holds a NUL byte', status: 400, request: rename({ name: 'board\u0000pack' }) },
    {
      when: 'the name holds a C1 control character',
      status: 400,
      request: rename({ name: 'q3\u0085review' }),
    },
    {
      when: 'the name holds a lone UTF-16 surrogate',
      status: 400,
      request: (c) => ({ ...rename({})(c), body: '{"name":"broken\\ud800"}' }),
    },
    { when: 'the name is 100,000 characters', status: 400, request: rename({ name: 'x'.repeat(100_000) }) },
    { when: 'the name is an object', status: 400, request: rename({ name: { $ne: '' } }) },
    { when: 'the name is an array', status: 400, request: rename({ name: ['a', 'b'] }) },
    {
      when: 'the body smuggles a __proto__ key',
      status: 400,
      request: (c) => ({ ...rename({})(c), body: '{"name":"ok","__proto__":{"admin":true}}' }),
    },
    {
      when: 'the body tries to change other columns',
      status: 400,
      request: rename({ name: 'ok', status: 'draft', userId: randomUUID() }),
    },
    {
      when: "the assessment is another user's",
      status: 404,
      request: rename({ name: 'mine now' }, (c) => c.bDraft),
    },
    { when: 'the id is SQL', status: 404, request: rename({ name: 'x' }, () => "1' OR '1'='1") },
    {
      when: 'the body is sent as text/plain',
      status: 415,
      request: (c) => ({ ...rename({ name: 'x' })(c), contentType: 'text/plain' }),
    },
    {
      when: 'a cookie-authenticated rename comes from a foreign origin',
      status: 403,
      request: (c) => ({ ...rename({ name: 'x' })(c), headers: { origin: 'https://evil.example' } }),
    },
  ],
  'delete (DELETE /api/assessments/:id)': [
    {
      when: "the draft is another user's",
      status: 404,
      request: (c) => ({ method: 'DELETE', path: `/api/assessments/${c.bDraft}` }),
    },
    {
      when: 'the assessment is submitted',
      status: 409,
      request: (c) => ({ method: 'DELETE', path: `/api/assessments/${c.aSubmitted}` }),
    },
    {
      when: 'the id is a path traversal',
      status: 404,
      request: () => ({ method: 'DELETE', path: '/api/assessments/..%2F..%2Fusers' }),
    },
    {
      when: 'a cookie-authenticated delete comes from a foreign origin',
      status: 403,
      request: (c) => ({
        method: 'DELETE',
        path: `/api/assessments/${c.aDraft}`,
        headers: { origin: 'https://evil.example' },
      }),
    },
    {
      when: 'there is no session',
      status: 401,
      request: (c) => ({ method: 'DELETE', path: `/api/assessments/${c.aDraft}`, cookie: null }),
    },
  ],
  'results (GET /api/assessments/:id/results)': [
    {
      when: "the results are another user's",
      status: 404,
      request: (c) => ({ method: 'GET', path: `/api/assessments/${c.bSubmitted}/results` }),
    },
    {
      when: 'the assessment is a draft',
      status: 409,
      request: (c) => ({ method: 'GET', path: `/api/assessments/${c.aDraft}/results` }),
    },
    {
      when: 'the id is SQL',
      status: 404,
      request: () => ({
        method: 'GET',
        path: `/api/assessments/${encodeURIComponent("' OR 1=1--")}/results`,
      }),
    },
  ],
  'account (export and delete)': [
    {
      when: 'the confirmation password is wrong',
      status: 400,
      request: deleteAccount({ password: 'Wrong-Pass-123' }),
    },
    { when: 'the password is an array', status: 400, request: deleteAccount({ password: [PASSWORD] }) },
    {
      when: 'the password is 10,000 characters',
      status: 400,
      request: deleteAccount({ password: 'P'.repeat(10_000) }),
    },
    {
      when: 'the body names another user to delete',
      status: 400,
      request: deleteAccount({ password: PASSWORD, userId: randomUUID() }),
    },
    {
      when: 'there is no session',
      status: 401,
      request: deleteAccount({ password: PASSWORD }, { cookie: null }),
    },
    {
      when: 'a cookie-authenticated delete comes from a foreign origin',
      status: 403,
      request: deleteAccount({ password: PASSWORD }, { headers: { origin: 'https://evil.example' } }),
    },
    {
      when: 'the body is form-encoded',
      status: 415,
      request: deleteAccount(`password=${PASSWORD}`, { contentType: 'application/x-www-form-urlencoded' }),
    },
    {
      when: 'the export is asked for with an unsigned (alg none) token',
      status: 401,
      request: (c) => ({
        method: 'GET',
        path: '/api/account/export',
        cookie: null,
        headers: { authorization: `Bearer ${unsigned(c.accessClaims)}` },
      }),
    },
    {
      when: 'the account is deleted with an HS256 token signed with a guessed secret',
      status: 401,
      request: (c) => ({
        ...deleteAccount({ password: PASSWORD })(),
        cookie: null,
        headers: { authorization: `Bearer ${signHs256(c.accessClaims, 'secret')}` },
      }),
    },
  ],
  'passwords and codes': [
    {
      when: 'forgot-password gets a CRLF-injected e-mail',
      status: 400,
      request: anon('/api/auth/forgot-password', { email: `${email}\r\nBcc: all@example.com` }),
    },
    {
      when: 'forgot-password gets an e-mail array',
      status: 400,
      request: anon('/api/auth/forgot-password', { email: [email, 'b@example.com'] }),
    },
    {
      when: 'resend-confirmation gets a NUL in the e-mail',
      status: 400,
      request: anon('/api/auth/resend-confirmation', { email: `a\u0000@example.com` }),
    },
    {
      when: 'resend-confirmation gets an extra field',
      status: 400,
      request: anon('/api/auth/resend-confirmation', { email, admin: true }),
    },
    {
      when: 'reset-password gets a SQL code',
      status: 400,
      request: anon('/api/auth/reset-password', {
        email,
        code: "' OR '1'='1",
        password: 'Brand-New-Secret-7',
      }),
    },
    {
      when: 'reset-password gets a 7-digit code',
      status: 400,
      request: anon('/api/auth/reset-password', { email, code: '1234567', password: 'Brand-New-Secret-7' }),
    },
    {
      when: 'reset-password gets a code as a number',
      status: 400,
      request: anon('/api/auth/reset-password', { email, code: 123456, password: 'Brand-New-Secret-7' }),
    },
    {
      when: 'reset-password gets a 100,000-character password',
      status: 400,
      request: anon('/api/auth/reset-password', {
        email,
        code: '123456',
        password: `Aa1${'x'.repeat(100_000)}`,
      }),
    },
    {
      when: 'reset-password gets a wrong code for an unknown account',
      status: 400,
      request: anon('/api/auth/reset-password', { email, code: '123456', password: 'Brand-New-Secret-7' }),
    },
    {
      when: 'change-password has no current password',
      status: 400,
      request: changePassword({ newPassword: 'Brand-New-Secret-7' }),
    },
    {
      when: 'change-password gets a wrong current password',
      status: 400,
      request: changePassword({ currentPassword: 'Wrong-Pass-123', newPassword: 'Brand-New-Secret-7' }),
    },
    {
      when: 'change-password gets a weak new password',
      status: 400,
      request: changePassword({ currentPassword: PASSWORD, newPassword: 'password' }),
    },
    {
      when: 'change-password has no session',
      status: 401,
      request: changePassword(
        { currentPassword: PASSWORD, newPassword: 'Brand-New-Secret-7' },
        { cookie: null },
      ),
    },
    {
      when: 'a cookie-authenticated change-password comes from a foreign origin',
      status: 403,
      request: changePassword(
        { currentPassword: PASSWORD, newPassword: 'Brand-New-Secret-7' },
        { headers: { origin: 'https://evil.example' } },
      ),
    },
  ],
};
