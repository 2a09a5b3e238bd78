import { domains } from '../../functions/api/features/questionnaire/catalogue';
import { requiredQuestionIds } from '../../functions/api/features/questionnaire/service';
import { outbox } from '../../functions/api/platform/db/tables';
import { createInProcessPublisher, type EventPublisher } from '../../functions/api/platform/events/events';
import { relayOutbox } from '../../functions/api/platform/events/outbox';
import { startTestApp, type TestApp } from '../support/app';
import { registerAndLogin } from '../support/client';
import { answers, type Detail, draftTools, pick, type SubmitBody } from './support/drafts';
import { expectProblem } from './support/problem';
import { appWithUsers } from './support/users';

const the = appWithUsers(['alice', 'mallory']);
const { create, save, dbRow, outboxFor, complete } = draftTools(the);

describe('POST /api/assessments/:id/submit', () => {
  it('when answers are missing, then 422 lists exactly the unanswered required questions and nothing changes', async () => {
    const a = await create();
    const unanswered = [requiredQuestionIds[0]!, requiredQuestionIds[7]!, requiredQuestionIds.at(-1)!];
    const optional = Object.keys(answers).filter((id) => !requiredQuestionIds.includes(id));
    expect(optional.length).toBeGreaterThan(0);
    // Every required answer except three; optional questions left empty do not count.
    const given = requiredQuestionIds.filter((id) => !unanswered.includes(id));
    expect((await save(a.id, pick(given))).status).toBe(200);
    const res = await the.alice.client.post(`/api/assessments/${a.id}/submit`);
    const body = expectProblem(res, 422);
    expect([...body.missing!].sort()).toEqual([...unanswered].sort());
    const row = await dbRow(a.id);
    expect(row.status).toBe('draft');
    expect(row.submittedAt).toBeNull();
    expect(await outboxFor(a.id)).toEqual([]);
  });

  it('when nothing is answered, then 422 lists every required question', async () => {
    const a = await create();
    const body = expectProblem(await the.alice.client.post(`/api/assessments/${a.id}/submit`), 422);
    expect([...body.missing!].sort()).toEqual([...requiredQuestionIds].sort());
  });

  it('when complete, then 200 freezes, scores all 12 domains and records one event', async () => {
    const a = await complete();
    const res = await the.alice.client.post<SubmitBody>(`/api/assessments/${a.id}/submit`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: a.id,
      status: 'submitted',
      submittedAt: expect.any(String),
      triageResults: { domainScores: expect.any(Array), priorityDomains: expect.any(Array) },
    });
    const { domainScores, priorityDomains } = res.body.triageResults;
    expect(domainScores.map((s) => s.domainId)).toEqual(domains.map((d) => d.id));
    for (const s of domainScores) expect(s.score).toBeGreaterThanOrEqual(0);
    for (const s of domainScores) expect(s.score).toBeLessThanOrEqual(100);
    expect(priorityDomains).toHaveLength(3);
    const row = await dbRow(a.id);
    expect(row).toMatchObject({ status: 'submitted', userId: the.alice.userId, version: 3 });
    expect(row.submittedAt!.toISOString()).toBe(res.body.submittedAt);
    expect(row.triageResults).toEqual(res.body.triageResults);
    const events = await outboxFor(a.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('assessment.submitted');
    expect(events[0]!.publishedAt).toBeInstanceOf(Date);
    expect(events[0]!.payload).toMatchObject({ assessmentId: a.id, userId: the.alice.userId });
    expect(the.app.published.filter((e) => e.id === events[0]!.id)).toHaveLength(1);
    const detail = await the.alice.client.get<Detail>(`/api/assessments/${a.id}`);
    expect(detail.body.status).toBe('submitted');
    expect(detail.body.triageResults).toEqual(res.body.triageResults);
  });

  it('when submitted twice, then the same body twice, one row update and one outbox event', async () => {
    const a = await complete();
    const first = await the.alice.client.post<SubmitBody>(`/api/assessments/${a.id}/submit`);
    const rowAfterFirst = await dbRow(a.id);
    const second = await the.alice.client.post<SubmitBody>(`/api/assessments/${a.id}/submit`);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await dbRow(a.id)).toEqual(rowAfterFirst);
    const events = await outboxFor(a.id);
    expect(events).toHaveLength(1);
    expect(the.app.published.filter((e) => e.id === events[0]!.id)).toHaveLength(1);
  });

  it('when submitted twice at the same time, then both get the same body and there is one update and one event', async () => {
    const a = await complete();
    const versionBefore = (await dbRow(a.id)).version;
    const [x, y] = await Promise.all([
      the.alice.client.post<SubmitBody>(`/api/assessments/${a.id}/submit`),
      the.alice.client.post<SubmitBody>(`/api/assessments/${a.id}/submit`),
    ]);
    expect([x.status, y.status]).toEqual([200, 200]);
    expect(y.body).toEqual(x.body);
    expect((await dbRow(a.id)).version).toBe(versionBefore + 1);
    const events = await outboxFor(a.id);
    expect(events).toHaveLength(1);
    expect(the.app.published.filter((e) => e.id === events[0]!.id)).toHaveLength(1);
  });

  it("when it is another user's assessment, then 404 and it stays a draft", async () => {
    const a = await complete();
    expectProblem(await the.mallory.client.post(`/api/assessments/${a.id}/submit`), 404);
    expect((await dbRow(a.id)).status).toBe('draft');
    expect(await outboxFor(a.id)).toEqual([]);
  });
});

describe('POST /api/assessments/:id/submit when the event bus is down', () => {
  let flaky: TestApp;
  let busUp = false;
  const delivered = createInProcessPublisher();
  const bus: EventPublisher = {
    async publish(events) {
      if (!busUp) throw new Error('EventBridge unavailable');
      return delivered.publish(events);
    },
  };
  beforeAll(async () => {
    flaky = await startTestApp({ deps: { events: bus } });
  });
  afterAll(async () => {
    await flaky?.stop();
  });

  it('when publishing fails, then the submit still succeeds, the event waits in the outbox, and the relay delivers it exactly once', async () => {
    const owner = await registerAndLogin(flaky.url, 'flaky');
    const created = await owner.client.post<{ id: string }>('/api/assessments', {});
    const id = created.body.id;
    expect((await owner.client.put(`/api/assessments/${id}/responses`, { responses: answers })).status).toBe(
      200,
    );
    const res = await owner.client.post<SubmitBody>(`/api/assessments/${id}/submit`);
    expect(res.status).toBe(200);
    const [waiting] = await flaky.deps.db.db.select().from(outbox);
    expect(waiting).toMatchObject({ type: 'assessment.submitted', publishedAt: null });
    expect(waiting!.attempts).toBeGreaterThanOrEqual(1);

    busUp = true;
    expect(await relayOutbox(flaky.deps.db.db, bus)).toEqual({ published: 1, failed: 0 });
    expect(await relayOutbox(flaky.deps.db.db, bus)).toEqual({ published: 0, failed: 0 });
    expect(delivered.published.map((e) => e.id)).toEqual([waiting!.id]);
    const [done] = await flaky.deps.db.db.select().from(outbox);
    expect(done!.publishedAt).toBeInstanceOf(Date);
    // A repeat submit neither writes nor publishes again.
    expect((await owner.client.post<SubmitBody>(`/api/assessments/${id}/submit`)).body).toEqual(res.body);
    expect(await flaky.deps.db.db.select().from(outbox)).toHaveLength(1);
    expect(delivered.published).toHaveLength(1);
  });
});
