import { eq, sql } from 'drizzle-orm';
import {
  assessmentResponses,
  assessments,
  documents,
  outbox,
  sessions,
  users,
} from '../../functions/api/platform/db/tables';
import { ApiClient, allAnswers, PASSWORD, registerAndLogin } from '../support/client';
import { answerAndSubmit, createAssessment, uploadDocument } from './support/assessments';
import { s3Keys, snapshot } from './support/inspect';
import { expectProblem } from './support/problem';
import { appForTests } from './support/users';

const the = appForTests();

/** A user with a submitted assessment and a draft, each with a document. */
async function populatedUser(label: string) {
  const user = await registerAndLogin(the.app.url, label);
  const submitted = await createAssessment(user.client, { name: 'Baseline' });
  await uploadDocument(user.client, submitted.id, 'plan.pdf');
  await answerAndSubmit(user.client, submitted.id);
  const draft = await createAssessment(user.client, { name: 'Next quarter' });
  await user.client.put(`/api/assessments/${draft.id}/responses`, {
    responses: { 'strategy-vision-clarity': 2 },
  });
  await uploadDocument(user.client, draft.id, 'org.pdf');
  return { ...user, submitted, draft };
}

/** Everything stored for a user: rows in every table, and S3 objects under their assessments. */
async function footprint(userId: string, assessmentIds: string[]) {
  const db = the.app.deps.db.db;
  const count = async (q: Promise<unknown[]>) => (await q).length;
  const keys = await s3Keys(the.app);
  return {
    users: await count(db.select().from(users).where(eq(users.id, userId))),
    sessions: await count(db.select().from(sessions).where(eq(sessions.userId, userId))),
    assessments: await count(db.select().from(assessments).where(eq(assessments.userId, userId))),
    responses: (
      await Promise.all(
        assessmentIds.map((id) =>
          count(db.select().from(assessmentResponses).where(eq(assessmentResponses.assessmentId, id))),
        ),
      )
    ).reduce((a, b) => a + b, 0),
    documents: (
      await Promise.all(
        assessmentIds.map((id) => count(db.select().from(documents).where(eq(documents.assessmentId, id)))),
      )
    ).reduce((a, b) => a + b, 0),
    outbox: await count(db.select().from(outbox).where(sql`${outbox.payload}->>'userId' = ${userId}`)),
    objects: keys.filter((k) => assessmentIds.some((id) => k.includes(id))).length,
  };
}

describe('GET /api/account/export', () => {
  it('when a user exports, then a dated JSON attachment holds their profile, assessments, answers, results and documents', async () => {
    const user = await populatedUser('exporter');
    const other = await populatedUser('bystander');
    const res = await user.client.get<{
      exportedAt: string;
      user: { id: string; email: string; companyName: string };
      assessments: {
        id: string;
        name: string;
        status: string;
        responses: Record<string, unknown>;
        triageResults: { domainScores: unknown[] } | null;
        documents: { fileName: string; status: string }[];
      }[];
    }>('/api/account/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const day = res.body.exportedAt.slice(0, 10);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="scalemap-export-${day}.json"`);
    expect(res.body.user).toEqual({
      id: user.userId,
      email: user.email,
      companyName: 'Acme Scale Ltd',
      industry: 'Software',
      createdAt: expect.any(String),
    });
    const byName = Object.fromEntries(res.body.assessments.map((a) => [a.name, a]));
    expect(Object.keys(byName).sort()).toEqual(['Baseline', 'Next quarter']);
    expect(byName.Baseline).toMatchObject({ status: 'submitted', responses: allAnswers() });
    expect(byName.Baseline!.triageResults?.domainScores).toHaveLength(12);
    expect(byName.Baseline!.documents).toEqual([
      expect.objectContaining({ fileName: 'plan.pdf', status: 'uploaded', contentType: 'application/pdf' }),
    ]);
    expect(byName['Next quarter']).toMatchObject({
      status: 'draft',
      responses: { 'strategy-vision-clarity': 2 },
      triageResults: null,
    });
    // Nothing of another user's leaks in.
    expect(JSON.stringify(res.body)).not.toContain(other.email);
    expect(JSON.stringify(res.body)).not.toContain(other.submitted.id);
  });

  it('when the caller is not signed in, then 401', async () => {
    expectProblem(await new ApiClient(the.app.url).get('/api/account/export'), 401);
  });
});

describe('DELETE /api/account', () => {
  it('when the password is confirmed, then 204, the cookie is cleared and the Cognito user, every row and every object are gone', async () => {
    const user = await populatedUser('leaver');
    const other = await populatedUser('stayer');
    const ids = [user.submitted.id, user.draft.id];
    const before = await footprint(user.userId, ids);
    expect(before).toEqual({
      users: 1,
      sessions: 1,
      assessments: 2,
      responses: Object.keys(allAnswers()).length + 1,
      documents: 2,
      outbox: 1,
      objects: 2,
    });
    const otherBefore = await footprint(other.userId, [other.submitted.id, other.draft.id]);

    const res = await user.client.request('DELETE', '/api/account', { password: PASSWORD });
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().join(';')).toMatch(/scalemap_session=;.*Expires=Thu, 01 Jan 1970/i);
    expect(await footprint(user.userId, ids)).toEqual({
      users: 0,
      sessions: 0,
      assessments: 0,
      responses: 0,
      documents: 0,
      outbox: 0,
      objects: 0,
    });
    expect(await footprint(other.userId, [other.submitted.id, other.draft.id])).toEqual(otherBefore);

    // The Cognito user is gone: logging in fails like an unknown account, and old tokens are refused.
    expectProblem(
      await new ApiClient(the.app.url).post('/api/auth/login', { email: user.email, password: PASSWORD }),
      401,
    );
    const bearer = new ApiClient(the.app.url, { authorization: `Bearer ${user.accessToken}` });
    expectProblem(await bearer.get('/api/auth/me'), 401);
    expectProblem(await user.client.get('/api/assessments'), 401);
  });

  it('when the password is wrong or missing, then 400 on `password` and nothing is deleted', async () => {
    const user = await populatedUser('hesitant');
    for (const [body, message] of [
      [{ password: 'Not-My-Password-9' }, 'Password is incorrect.'],
      [{}, undefined],
      [{ password: '' }, undefined],
      [{ password: 42 }, undefined],
    ] as const) {
      const before = await snapshot(the.app);
      const problem = expectProblem(await user.client.request('DELETE', '/api/account', body), 400);
      expect(problem.errors?.map((e) => e.path)).toEqual(['password']);
      if (message) expect(problem.errors?.[0]?.message).toBe(message);
      expect(await snapshot(the.app)).toEqual(before);
    }
    expect(
      (await new ApiClient(the.app.url).post('/api/auth/login', { email: user.email, password: PASSWORD }))
        .status,
    ).toBe(200);
  });

  it('when the caller gives a password that is not their own, then 400 and neither account is touched', async () => {
    const user = await registerAndLogin(the.app.url, 'victim');
    const attacker = await registerAndLogin(the.app.url, 'attacker');
    const before = await snapshot(the.app);
    const res = await attacker.client.request('DELETE', '/api/account', { password: 'Guess-Victim-Pass-1' });
    expectProblem(res, 400);
    expect(await snapshot(the.app)).toEqual(before);
    expect((await user.client.get('/api/auth/me')).status).toBe(200);
  });

  it('when the caller is not signed in, then 401', async () => {
    expectProblem(
      await new ApiClient(the.app.url).request('DELETE', '/api/account', { password: PASSWORD }),
      401,
    );
  });

  it('when a deleted user signs up again with the same e-mail, then they start with an empty account', async () => {
    const user = await populatedUser('returner');
    expect((await user.client.request('DELETE', '/api/account', { password: PASSWORD })).status).toBe(204);
    const client = new ApiClient(the.app.url);
    const reg = await client.post('/api/auth/register', {
      email: user.email,
      password: PASSWORD,
      companyName: 'Acme Again',
      industry: 'Software',
    });
    expect(reg.status).toBe(201);
    expect((await client.post('/api/auth/login', { email: user.email, password: PASSWORD })).status).toBe(
      200,
    );
    expect((await client.get<{ items: unknown[] }>('/api/assessments')).body.items).toEqual([]);
  });
});
