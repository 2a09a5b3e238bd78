import { domains } from '../../functions/api/features/questionnaire/catalogue';
import { requiredQuestionIds, totalQuestions } from '../../functions/api/features/questionnaire/service';
import { answers, draftTools, firstChoice, firstScale, pick } from './support/drafts';
import { expectProblem } from './support/problem';
import { appWithUsers } from './support/users';

const the = appWithUsers(['alice', 'mallory']);
const { create, save, dbRow, storedAnswers, complete } = draftTools(the);

describe('PUT /api/assessments/:id/responses', () => {
  it('when the answers are valid, then 200 with the next version (also as ETag) and the progress', async () => {
    const a = await create();
    const res = await save(a.id, pick([firstScale.id, firstChoice.id]));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ version: 2, progress: { answered: 2, total: totalQuestions } });
    expect(res.headers.get('etag')).toBe('"2"');
    const again = await save(a.id, { [firstScale.id]: firstScale.min ?? 1 });
    expect(again.body).toEqual({ version: 3, progress: { answered: 2, total: totalQuestions } });
    expect(await storedAnswers(a.id)).toEqual({
      [firstScale.id]: firstScale.min ?? 1,
      [firstChoice.id]: answers[firstChoice.id],
    });
  });

  it('when a question id is unknown, then 400 names it and nothing is saved, not even the valid answers', async () => {
    const a = await create();
    const res = await save(a.id, { [firstScale.id]: 3, 'no-such-question': 3 });
    const body = expectProblem(res, 400);
    expect(body.errors).toEqual([{ path: 'responses.no-such-question', message: expect.any(String) }]);
    expect(await storedAnswers(a.id)).toEqual({});
    expect((await dbRow(a.id)).version).toBe(1);
  });

  it('when a key is __proto__, then 400 and nothing is saved', async () => {
    const a = await create();
    const res = await the.alice.client.request(
      'PUT',
      `/api/assessments/${a.id}/responses`,
      `{"responses":{"__proto__":{"x":1},"${firstScale.id}":3}}`,
      { 'content-type': 'application/json' },
    );
    expectProblem(res, 400);
    expect(await storedAnswers(a.id)).toEqual({});
  });

  it('when a scale answer is out of range, fractional or the wrong type, then 400 names each and nothing is saved', async () => {
    const a = await create();
    const scales = domains.flatMap((d) => d.questions).filter((q) => q.type === 'scale');
    const [s1, s2, s3, s4] = scales as [
      typeof firstScale,
      typeof firstScale,
      typeof firstScale,
      typeof firstScale,
    ];
    const res = await save(a.id, {
      [s1.id]: (s1.max ?? 5) + 1,
      [s2.id]: (s2.min ?? 1) - 1,
      [s3.id]: 2.5,
      [s4.id]: 'five',
      [firstChoice.id]: 'not-an-option',
    });
    const body = expectProblem(res, 400);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(
      [s1.id, s2.id, s3.id, s4.id, firstChoice.id].map((id) => `responses.${id}`).sort(),
    );
    expect(await storedAnswers(a.id)).toEqual({});
  });

  it('when a text answer holds a lone UTF-16 surrogate, then 400 names it (not a 500) and nothing is saved', async () => {
    const a = await create();
    const text = domains.flatMap((d) => d.questions).find((q) => q.type === 'text')!;
    const res = await the.alice.client.request(
      'PUT',
      `/api/assessments/${a.id}/responses`,
      `{"responses":{"${text.id}":"broken \\ud800 text","${firstScale.id}":3}}`,
      { 'content-type': 'application/json' },
    );
    const body = expectProblem(res, 400);
    expect(body.errors).toEqual([{ path: `responses.${text.id}`, message: expect.any(String) }]);
    expect(await storedAnswers(a.id)).toEqual({});
    const emoji = await save(a.id, { [text.id]: 'Scaling 🚀 with line\nbreaks' });
    expect(emoji.status).toBe(200);
    expect(await storedAnswers(a.id)).toEqual({ [text.id]: 'Scaling 🚀 with line\nbreaks' });
  });

  it('when an answer is an object, a boolean or the body has no answers, then 400', async () => {
    const a = await create();
    expectProblem(await save(a.id, { [firstScale.id]: { value: 3 } }), 400);
    expectProblem(await save(a.id, { [firstScale.id]: true }), 400);
    expectProblem(await save(a.id, {}), 400);
    expectProblem(await the.alice.client.put(`/api/assessments/${a.id}/responses`, { answers: {} }), 400);
    expect(await storedAnswers(a.id)).toEqual({});
  });

  it('when an answer is null, then it is removed and the progress goes down', async () => {
    const a = await create();
    const three = requiredQuestionIds.slice(0, 3);
    expect((await save(a.id, pick(three))).body.progress.answered).toBe(3);
    const res = await save(a.id, { [three[0]!]: null });
    expect(res.status).toBe(200);
    expect(res.body.progress).toEqual({ answered: 2, total: totalQuestions });
    expect(Object.keys(await storedAnswers(a.id)).sort()).toEqual(three.slice(1).sort());
    // Removing an answer that is not there is harmless.
    expect((await save(a.id, { [three[0]!]: null })).body.progress.answered).toBe(2);
  });

  it('when every question is answered, then the progress is total of total', async () => {
    const a = await create();
    const res = await save(a.id, answers);
    expect(res.body.progress).toEqual({ answered: totalQuestions, total: totalQuestions });
  });

  it('when If-Match is current, then 200; when stale, then 409 with the current version and nothing saved', async () => {
    const a = await create();
    expect((await save(a.id, { [firstScale.id]: 2 }, { 'if-match': '"1"' })).status).toBe(200);
    const stale = await save(a.id, { [firstScale.id]: 5 }, { 'if-match': '"1"' });
    const body = expectProblem(stale, 409);
    expect(body.currentVersion).toBe(2);
    expect(await storedAnswers(a.id)).toEqual({ [firstScale.id]: 2 });
    expect((await dbRow(a.id)).version).toBe(2);
    expect((await save(a.id, { [firstScale.id]: 5 }, { 'if-match': 'W/"2"' })).status).toBe(200);
  });

  it('when If-Match is not a version, then 400', async () => {
    const a = await create();
    expectProblem(await save(a.id, { [firstScale.id]: 2 }, { 'if-match': '"abc"' }), 400);
    expect(await storedAnswers(a.id)).toEqual({});
  });

  it("when it is another user's assessment, then 404 and nothing is saved", async () => {
    const a = await create();
    expectProblem(
      await the.mallory.client.put(`/api/assessments/${a.id}/responses`, {
        responses: { [firstScale.id]: 1 },
      }),
      404,
    );
    // A stale If-Match must not reveal that the assessment exists either.
    expectProblem(
      await the.mallory.client.put(
        `/api/assessments/${a.id}/responses`,
        { responses: { [firstScale.id]: 1 } },
        { 'if-match': '"7"' },
      ),
      404,
    );
    expect(await storedAnswers(a.id)).toEqual({});
    expect((await dbRow(a.id)).version).toBe(1);
  });

  it('when the assessment was submitted, then 409 and the answers stay frozen', async () => {
    const a = await complete();
    expect((await the.alice.client.post(`/api/assessments/${a.id}/submit`)).status).toBe(200);
    const before = await storedAnswers(a.id);
    const row = await dbRow(a.id);
    expectProblem(await save(a.id, { [firstScale.id]: null }), 409);
    expectProblem(await save(a.id, { [firstScale.id]: firstScale.min ?? 1 }), 409);
    expect(await storedAnswers(a.id)).toEqual(before);
    expect(await dbRow(a.id)).toEqual(row);
  });
});
