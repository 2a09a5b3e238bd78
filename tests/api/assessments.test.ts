import { randomUUID } from 'node:crypto';
import { requiredQuestionIds, totalQuestions } from '../../functions/api/features/questionnaire/service';
import { registerAndLogin } from '../support/client';
import { type Detail, draftTools, firstChoice, firstScale, pick, type Summary } from './support/drafts';
import { expectProblem } from './support/problem';
import { appWithUsers } from './support/users';

/** Starting, listing and reading assessments (answers: assessments-responses; submit: assessments-submit). */
const the = appWithUsers(['alice', 'mallory']);
const { create, save, dbRow } = draftTools(the);

describe('POST /api/assessments', () => {
  it('when called, then 201 with a draft at version 1 and no progress', async () => {
    const a = await create();
    expect(a).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: `Assessment ${new Date().toISOString().slice(0, 10)}`,
      status: 'draft',
      version: 1,
      progress: { answered: 0, total: totalQuestions },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      submittedAt: null,
    });
    expect((await dbRow(a.id)).userId).toBe(the.alice.userId);
  });

  it('when the body has unknown fields, then 400 and nothing is created', async () => {
    const before = (await the.alice.client.get<{ items: unknown[] }>('/api/assessments')).body.items.length;
    expectProblem(await the.alice.client.post('/api/assessments', { status: 'submitted' }), 400);
    expect((await the.alice.client.get<{ items: unknown[] }>('/api/assessments')).body.items).toHaveLength(
      before,
    );
  });
});

describe('GET /api/assessments', () => {
  it('when the user has assessments, then 200 lists only theirs, most recently changed first, each with its progress', async () => {
    const user = await registerAndLogin(the.app.url, 'lister');
    const older = await create(user.client);
    const newer = await create(user.client);
    await create(the.mallory.client);
    const saved = await user.client.put(`/api/assessments/${older.id}/responses`, {
      responses: pick(requiredQuestionIds.slice(0, 4)),
    });
    expect(saved.status).toBe(200);
    const res = await user.client.get<{ items: Summary[] }>('/api/assessments');
    expect(res.status).toBe(200);
    // The older one was saved last, so it comes first.
    expect(res.body.items.map((i) => i.id)).toEqual([older.id, newer.id]);
    expect(res.body.items[0]).toEqual({
      id: older.id,
      name: older.name,
      status: 'draft',
      version: 2,
      progress: { answered: 4, total: totalQuestions },
      createdAt: older.createdAt,
      updatedAt: expect.any(String),
      submittedAt: null,
    });
    expect(res.body.items[1]!.progress).toEqual({ answered: 0, total: totalQuestions });
  });
});

describe('GET /api/assessments/:id', () => {
  it('when it is the owner, then 200 with responses, documents and progress', async () => {
    const a = await create();
    const subset = pick([firstScale.id, firstChoice.id]);
    await save(a.id, subset);
    const res = await the.alice.client.get<Detail>(`/api/assessments/${a.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: a.id,
      status: 'draft',
      version: 2,
      responses: subset,
      documents: [],
      progress: { answered: 2, total: totalQuestions },
    });
    expect(res.body.triageResults).toBeUndefined();
  });

  it('when it belongs to another user, does not exist or the id is malformed, then 404', async () => {
    const a = await create();
    expectProblem(await the.mallory.client.get(`/api/assessments/${a.id}`), 404);
    expectProblem(await the.alice.client.get(`/api/assessments/${randomUUID()}`), 404);
    expectProblem(await the.alice.client.get('/api/assessments/not-a-uuid'), 404);
  });
});
