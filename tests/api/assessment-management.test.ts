import { eq } from 'drizzle-orm';
import { assessmentResponses, assessments, documents } from '../../functions/api/platform/db/tables';
import { registerAndLogin } from '../support/client';
import { answerAndSubmit, createAssessment, uploadDocument } from './support/assessments';
import { s3Keys, snapshot } from './support/inspect';
import { expectProblem } from './support/problem';
import { appWithUsers } from './support/users';

const the = appWithUsers(['alice', 'mallory']);

const today = () => new Date().toISOString().slice(0, 10);
async function row(id: string) {
  const [r] = await the.app.deps.db.db.select().from(assessments).where(eq(assessments.id, id));
  return r;
}

describe('POST /api/assessments (name)', () => {
  it('when no name is given, then it is named "Assessment YYYY-MM-DD" after its creation day (UTC)', async () => {
    const created = await createAssessment(the.alice.client);
    expect(created.name).toBe(`Assessment ${today()}`);
    expect((await row(created.id))?.name).toBe(created.name);
  });

  it('when a name is given, then it is trimmed and shown in the list and the detail', async () => {
    const created = await createAssessment(the.alice.client, { name: '  Q3 board review  ' });
    expect(created.name).toBe('Q3 board review');
    const list = await the.alice.client.get<{ items: { id: string; name: string }[] }>('/api/assessments');
    expect(list.body.items.find((i) => i.id === created.id)?.name).toBe('Q3 board review');
    const detail = await the.alice.client.get<{ name: string }>(`/api/assessments/${created.id}`);
    expect(detail.body.name).toBe('Q3 board review');
  });

  it('when the name is empty, too long or not text, then 400 on `name` and nothing is created', async () => {
    for (const name of ['', '   ', 'x'.repeat(121), 42, 'tab\there']) {
      const before = await snapshot(the.app);
      const res = await the.alice.client.post('/api/assessments', { name });
      expect(expectProblem(res, 400).errors?.map((e) => e.path)).toContain('name');
      expect(await snapshot(the.app)).toEqual(before);
    }
  });
});

describe('GET /api/assessments (order)', () => {
  it('when an older assessment changes, then it moves to the top: the list is sorted by last change', async () => {
    const client = (await registerAndLogin(the.app.url, 'sorter')).client;
    const first = await createAssessment(client, { name: 'First' });
    await createAssessment(client, { name: 'Second' });
    const order = async () =>
      (await client.get<{ items: { name: string }[] }>('/api/assessments')).body.items.map((i) => i.name);
    expect(await order()).toEqual(['Second', 'First']);
    await client.put(`/api/assessments/${first.id}/responses`, {
      responses: { 'strategy-vision-clarity': 3 },
    });
    expect(await order()).toEqual(['First', 'Second']);
  });
});

describe('PATCH /api/assessments/:id', () => {
  it('when the owner renames a draft, then 200 with the new name and the answers and version are untouched', async () => {
    const created = await createAssessment(the.alice.client);
    await the.alice.client.put(`/api/assessments/${created.id}/responses`, {
      responses: { 'strategy-vision-clarity': 4 },
    });
    const before = await row(created.id);
    const res = await the.alice.client.request<{ id: string; name: string; updatedAt: string }>(
      'PATCH',
      `/api/assessments/${created.id}`,
      { name: ' Renamed draft ' },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: created.id, name: 'Renamed draft', updatedAt: expect.any(String) });
    const after = await row(created.id);
    expect(after?.name).toBe('Renamed draft');
    expect(after?.version).toBe(before?.version);
    const answers = await the.app.deps.db.db
      .select()
      .from(assessmentResponses)
      .where(eq(assessmentResponses.assessmentId, created.id));
    expect(answers.map((a) => [a.questionId, a.responseValue])).toEqual([['strategy-vision-clarity', 4]]);
  });

  it('when the assessment is submitted, then it can still be renamed', async () => {
    const created = await createAssessment(the.alice.client);
    await answerAndSubmit(the.alice.client, created.id);
    const res = await the.alice.client.request('PATCH', `/api/assessments/${created.id}`, {
      name: 'Baseline',
    });
    expect(res.status).toBe(200);
    expect((await row(created.id))?.name).toBe('Baseline');
  });

  it('when the name is invalid, then 400 on `name` and the name is unchanged', async () => {
    const created = await createAssessment(the.alice.client, { name: 'Keep me' });
    for (const body of [
      {},
      { name: '' },
      { name: 'y'.repeat(121) },
      { name: 'a', extra: 1 },
      { name: null },
    ]) {
      const res = await the.alice.client.request('PATCH', `/api/assessments/${created.id}`, body);
      expectProblem(res, 400);
    }
    expect((await row(created.id))?.name).toBe('Keep me');
  });

  it("when another user renames someone's assessment, then 404 and the name is unchanged", async () => {
    const created = await createAssessment(the.alice.client, { name: 'Private' });
    const res = await the.mallory.client.request('PATCH', `/api/assessments/${created.id}`, {
      name: 'Owned',
    });
    expectProblem(res, 404);
    expect((await row(created.id))?.name).toBe('Private');
  });
});

describe('DELETE /api/assessments/:id', () => {
  it('when the owner deletes a draft, then 204 and its answers, document rows and S3 objects are gone', async () => {
    const keep = await createAssessment(the.alice.client, { name: 'Keep' });
    const keptDoc = await uploadDocument(the.alice.client, keep.id, 'kept.pdf');
    const created = await createAssessment(the.alice.client, { name: 'Throwaway' });
    await the.alice.client.put(`/api/assessments/${created.id}/responses`, {
      responses: { 'strategy-vision-clarity': 2 },
    });
    await uploadDocument(the.alice.client, created.id, 'one.pdf');
    await uploadDocument(the.alice.client, created.id, 'two.pdf');
    expect((await s3Keys(the.app)).filter((k) => k.includes(created.id))).toHaveLength(2);

    const res = await the.alice.client.delete(`/api/assessments/${created.id}`);
    expect(res.status).toBe(204);
    expect(await row(created.id)).toBeUndefined();
    const db = the.app.deps.db.db;
    expect(
      await db.select().from(assessmentResponses).where(eq(assessmentResponses.assessmentId, created.id)),
    ).toEqual([]);
    expect(await db.select().from(documents).where(eq(documents.assessmentId, created.id))).toEqual([]);
    const keys = await s3Keys(the.app);
    expect(keys.filter((k) => k.includes(created.id))).toEqual([]);
    // The other assessment and its document are untouched.
    expect(keys.filter((k) => k.includes(keptDoc))).toHaveLength(1);
    expect(await row(keep.id)).toBeDefined();
    expect((await the.alice.client.get(`/api/assessments/${created.id}`)).status).toBe(404);
  });

  it('when the assessment is submitted, then 409 with the reason and nothing is deleted', async () => {
    const created = await createAssessment(the.alice.client);
    await uploadDocument(the.alice.client, created.id);
    await answerAndSubmit(the.alice.client, created.id);
    const before = await snapshot(the.app);
    const body = expectProblem(await the.alice.client.delete(`/api/assessments/${created.id}`), 409);
    expect(body.detail).toBe('Submitted assessments are kept as a record and cannot be deleted.');
    expect(await snapshot(the.app)).toEqual(before);
  });

  it("when another user deletes someone's draft, then 404 and nothing is deleted", async () => {
    const created = await createAssessment(the.alice.client);
    await uploadDocument(the.alice.client, created.id);
    const before = await snapshot(the.app);
    expectProblem(await the.mallory.client.delete(`/api/assessments/${created.id}`), 404);
    expect(await snapshot(the.app)).toEqual(before);
  });

  it('when the id is unknown or malformed, then 404', async () => {
    expectProblem(
      await the.alice.client.delete('/api/assessments/4f1c2d3e-0000-4000-8000-000000000000'),
      404,
    );
    expectProblem(await the.alice.client.delete('/api/assessments/not-a-uuid'), 404);
  });

  it('when a deleted draft is deleted again, then 404', async () => {
    const created = await createAssessment(the.alice.client);
    expect((await the.alice.client.delete(`/api/assessments/${created.id}`)).status).toBe(204);
    expectProblem(await the.alice.client.delete(`/api/assessments/${created.id}`), 404);
  });
});
