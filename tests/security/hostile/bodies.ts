import { PASSWORD } from '../../support/client';
import { type Case, deep, put, scaleQ, slot, tenMegabytes } from './catalogue';

/** Malformed, mistyped and oversized request bodies. */
export const bodiesCases: Record<string, Case[]> = {
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
};
