import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { domains } from '../../functions/api/features/questionnaire/catalogue';
import { requiredQuestionIds, totalQuestions } from '../../functions/api/features/questionnaire/service';
import { assessmentResponses, assessments, outbox } from '../../functions/api/platform/db/tables';
import { createInProcessPublisher, type EventPublisher } from '../../functions/api/platform/events/events';
import { relayOutbox } from '../../functions/api/platform/events/outbox';
import { startTestApp, type TestApp } from '../support/app';
import { type ApiClient, allAnswers, registerAndLogin } from '../support/client';
import { expectProblem } from './support/problem';

interface Summary {
  id: string;
  name: string;
  status: 'draft' | 'submitted';
  version: number;
  progress: { answered: number; total: number };
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}
interface Detail extends Summary {
  responses: Record<string, number | string>;
  documents: unknown[];
  triageResults?: SubmitBody['triageResults'];
}
interface SubmitBody {
  id: string;
  status: 'submitted';
  submittedAt: string;
  triageResults: { domainScores: { domainId: string; score: number }[]; priorityDomains: string[] };
}
interface Saved {
  version: number;
  progress: { answered: number; total: number };
}

let app: TestApp;
let alice: Awaited<ReturnType<typeof registerAndLogin>>;
let mallory: Awaited<ReturnType<typeof registerAndLogin>>;
beforeAll(async () => {
  app = await startTestApp();
  alice = await registerAndLogin(app.url, 'alice');
  mallory = await registerAndLogin(app.url, 'mallory');
});
afterAll(async () => {
  await app?.stop();
});

const answers = allAnswers();
const pick = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, answers[id]!]));
const firstScale = domains[0]!.questions.find((q) => q.type === 'scale')!;
const firstChoice = domains[0]!.questions.find((q) => q.type === 'choice')!;

async function create(client: ApiClient = alice.client): Promise<Summary> {
  const res = await client.post<Summary>('/api/assessments', {});
  expect(res.status).toBe(201);
  return res.body;
}
async function save(id: string, responses: Record<string, unknown>, headers?: Record<string, string>) {
  return alice.client.put<Saved>(`/api/assessments/${id}/responses`, { responses }, headers);
}
async function dbRow(id: string) {
  const [row] = await app.deps.db.db.select().from(assessments).where(eq(assessments.id, id));
  return row!;
}
async function storedAnswers(id: string) {
  const rows = await app.deps.db.db
    .select()
    .from(assessmentResponses)
    .where(eq(assessmentResponses.assessmentId, id));
  return Object.fromEntries(rows.map((r) => [r.questionId, r.responseValue]));
}
async function outboxFor(id: string) {
  return app.deps.db.db.select().from(outbox).where(sql`${outbox.payload}->>'assessmentId' = ${id}`);
}
async function complete(): Promise<Summary> {
  const a = await create();
  expect((await save(a.id, answers)).status).toBe(200);
  return a;
}

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
    expect((await dbRow(a.id)).userId).toBe(alice.userId);
  });

  it('when the body has unknown fields, then 400 and nothing is created', async () => {
    const before = (await alice.client.get<{ items: unknown[] }>('/api/assessments')).body.items.length;
    expectProblem(await alice.client.post('/api/assessments', { status: 'submitted' }), 400);
    expect((await alice.client.get<{ items: unknown[] }>('/api/assessments')).body.items).toHaveLength(
      before,
    );
  });
});

describe('GET /api/assessments', () => {
  it('when the user has assessments, then 200 lists only theirs, most recently changed first, each with its progress', async () => {
    const user = await registerAndLogin(app.url, 'lister');
    const older = await create(user.client);
    const newer = await create(user.client);
    await create(mallory.client);
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
    const res = await alice.client.get<Detail>(`/api/assessments/${a.id}`);
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
    expectProblem(await mallory.client.get(`/api/assessments/${a.id}`), 404);
    expectProblem(await alice.client.get(`/api/assessments/${randomUUID()}`), 404);
    expectProblem(await alice.client.get('/api/assessments/not-a-uuid'), 404);
  });
});

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
    const res = await alice.client.request(
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
    const res = await alice.client.request(
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
    expectProblem(await alice.client.put(`/api/assessments/${a.id}/responses`, { answers: {} }), 400);
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
      await mallory.client.put(`/api/assessments/${a.id}/responses`, { responses: { [firstScale.id]: 1 } }),
      404,
    );
    // A stale If-Match must not reveal that the assessment exists either.
    expectProblem(
      await mallory.client.put(
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
    expect((await alice.client.post(`/api/assessments/${a.id}/submit`)).status).toBe(200);
    const before = await storedAnswers(a.id);
    const row = await dbRow(a.id);
    expectProblem(await save(a.id, { [firstScale.id]: null }), 409);
    expectProblem(await save(a.id, { [firstScale.id]: firstScale.min ?? 1 }), 409);
    expect(await storedAnswers(a.id)).toEqual(before);
    expect(await dbRow(a.id)).toEqual(row);
  });
});

describe('POST /api/assessments/:id/submit', () => {
  it('when answers are missing, then 422 lists exactly the unanswered required questions and nothing changes', async () => {
    const a = await create();
    const unanswered = [requiredQuestionIds[0]!, requiredQuestionIds[7]!, requiredQuestionIds.at(-1)!];
    const optional = Object.keys(answers).filter((id) => !requiredQuestionIds.includes(id));
    expect(optional.length).toBeGreaterThan(0);
    // Every required answer except three; optional questions left empty do not count.
    const given = requiredQuestionIds.filter((id) => !unanswered.includes(id));
    expect((await save(a.id, pick(given))).status).toBe(200);
    const res = await alice.client.post(`/api/assessments/${a.id}/submit`);
    const body = expectProblem(res, 422);
    expect([...body.missing!].sort()).toEqual([...unanswered].sort());
    const row = await dbRow(a.id);
    expect(row.status).toBe('draft');
    expect(row.submittedAt).toBeNull();
    expect(await outboxFor(a.id)).toEqual([]);
  });

  it('when nothing is answered, then 422 lists every required question', async () => {
    const a = await create();
    const body = expectProblem(await alice.client.post(`/api/assessments/${a.id}/submit`), 422);
    expect([...body.missing!].sort()).toEqual([...requiredQuestionIds].sort());
  });

  it('when complete, then 200 freezes, scores all 12 domains and records one event', async () => {
    const a = await complete();
    const res = await alice.client.post<SubmitBody>(`/api/assessments/${a.id}/submit`);
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
    expect(row).toMatchObject({ status: 'submitted', userId: alice.userId, version: 3 });
    expect(row.submittedAt!.toISOString()).toBe(res.body.submittedAt);
    expect(row.triageResults).toEqual(res.body.triageResults);
    const events = await outboxFor(a.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('assessment.submitted');
    expect(events[0]!.publishedAt).toBeInstanceOf(Date);
    expect(events[0]!.payload).toMatchObject({ assessmentId: a.id, userId: alice.userId });
    expect(app.published.filter((e) => e.id === events[0]!.id)).toHaveLength(1);
    const detail = await alice.client.get<Detail>(`/api/assessments/${a.id}`);
    expect(detail.body.status).toBe('submitted');
    expect(detail.body.triageResults).toEqual(res.body.triageResults);
  });

  it('when submitted twice, then the same body twice, one row update and one outbox event', async () => {
    const a = await complete();
    const first = await alice.client.post<SubmitBody>(`/api/assessments/${a.id}/submit`);
    const rowAfterFirst = await dbRow(a.id);
    const second = await alice.client.post<SubmitBody>(`/api/assessments/${a.id}/submit`);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await dbRow(a.id)).toEqual(rowAfterFirst);
    const events = await outboxFor(a.id);
    expect(events).toHaveLength(1);
    expect(app.published.filter((e) => e.id === events[0]!.id)).toHaveLength(1);
  });

  it('when submitted twice at the same time, then both get the same body and there is one update and one event', async () => {
    const a = await complete();
    const versionBefore = (await dbRow(a.id)).version;
    const [x, y] = await Promise.all([
      alice.client.post<SubmitBody>(`/api/assessments/${a.id}/submit`),
      alice.client.post<SubmitBody>(`/api/assessments/${a.id}/submit`),
    ]);
    expect([x.status, y.status]).toEqual([200, 200]);
    expect(y.body).toEqual(x.body);
    expect((await dbRow(a.id)).version).toBe(versionBefore + 1);
    const events = await outboxFor(a.id);
    expect(events).toHaveLength(1);
    expect(app.published.filter((e) => e.id === events[0]!.id)).toHaveLength(1);
  });

  it("when it is another user's assessment, then 404 and it stays a draft", async () => {
    const a = await complete();
    expectProblem(await mallory.client.post(`/api/assessments/${a.id}/submit`), 404);
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
