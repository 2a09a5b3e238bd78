import { randomBytes } from 'node:crypto';
import { PASSWORD } from '../../support/client';
import { PDF } from '../../support/files';
import { answer, type Case, choiceQ, numberQ, put, register, scaleQ, slot } from './catalogue';

/** Type confusion, unknown question ids and out-of-range answers. */
export const valuesCases: Record<string, Case[]> = {
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
};
