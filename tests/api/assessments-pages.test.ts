import { and, eq } from 'drizzle-orm';
import { assessments } from '../../functions/api/platform/db/tables';
import { startTestApp, type TestApp } from '../support/app';
import { allAnswers, registerAndLogin } from '../support/client';
import { expectProblem } from './support/problem';

/** Bounded work per user (issue 13, finding 4): a draft cap that holds under a burst, and a paged list. */
const CAP = 25;
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ env: { MAX_DRAFTS_PER_USER: String(CAP) } });
});
afterAll(async () => {
  await app?.stop();
});

interface Page {
  items: { id: string; updatedAt: string }[];
  nextCursor: string | null;
}
type User = Awaited<ReturnType<typeof registerAndLogin>>;

const drafts = async (userId: string) =>
  (
    await app.deps.db.db
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.userId, userId), eq(assessments.status, 'draft')))
  ).length;

async function createMany(user: User, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push((await user.client.post<{ id: string }>('/api/assessments', {})).body.id);
  return ids;
}

describe('POST /api/assessments (draft cap)', () => {
  it('when 40 creates arrive at once, then exactly the cap succeed and the rest get 422', async () => {
    const user = await registerAndLogin(app.url, 'burst');
    const results = await Promise.all(
      Array.from({ length: 40 }, () => user.client.post('/api/assessments', {})),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(CAP);
    expect(statuses.filter((s) => s === 422)).toHaveLength(40 - CAP);
    const refused = expectProblem(results.find((r) => r.status === 422)!, 422);
    expect(refused.detail).toBe(
      `You can have at most ${CAP} drafts at a time. Submit or delete a draft before starting another.`,
    );
    expect(await drafts(user.userId)).toBe(CAP);
  });

  it('when a draft at the cap is submitted, then a new one can be started', async () => {
    const user = await registerAndLogin(app.url, 'submitter');
    const [first] = await createMany(user, CAP);
    expect((await user.client.post('/api/assessments', {})).status).toBe(422);
    await user.client.put(`/api/assessments/${first}/responses`, { responses: allAnswers() });
    expect((await user.client.post(`/api/assessments/${first}/submit`)).status).toBe(200);
    expect((await user.client.post('/api/assessments', {})).status).toBe(201);
  });
});

describe('GET /api/assessments (pages)', () => {
  let user: User;
  let created: string[];
  beforeAll(async () => {
    user = await registerAndLogin(app.url, 'pager');
    created = await createMany(user, 23);
  });

  it('when no limit is given, then 20 items and a cursor to the rest', async () => {
    const res = await user.client.get<Page>('/api/assessments');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(20);
    expect(res.body.nextCursor).toEqual(expect.any(String));
  });

  it('when the cursor is followed, then every assessment comes once, most recently changed first, and the last page says null', async () => {
    // Saving one in the middle moves it to the front.
    const touched = created[7]!;
    const saved = await user.client.put(`/api/assessments/${touched}/responses`, {
      responses: Object.fromEntries(Object.entries(allAnswers()).slice(0, 1)),
    });
    expect(saved.status).toBe(200);
    const seen: Page['items'] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=10&cursor=${cursor}` : '?limit=10';
      const res = await user.client.get<Page>(`/api/assessments${query}`);
      expect(res.status).toBe(200);
      sizes.push(res.body.items.length);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([10, 10, 3]);
    expect(seen[0]!.id).toBe(touched);
    expect(new Set(seen.map((i) => i.id))).toEqual(new Set(created));
    const times = seen.map((i) => Date.parse(i.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('when the limit is exactly the count, then one page and no cursor', async () => {
    const res = await user.client.get<Page>('/api/assessments?limit=100');
    expect(res.body.items).toHaveLength(23);
    expect(res.body.nextCursor).toBeNull();
  });

  it("when another user's cursor is used, then it only positions within the caller's own list", async () => {
    const other = await registerAndLogin(app.url, 'other-pager');
    const page = await user.client.get<Page>('/api/assessments?limit=1');
    const res = await other.client.get<Page>(`/api/assessments?cursor=${page.body.nextCursor}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], nextCursor: null });
  });
});
