import { domains } from '../../functions/api/features/questionnaire/catalogue';
import { startTestApp, type TestApp } from '../support/app';
import { registerAndLogin } from '../support/client';
import { expectProblem } from './support/problem';

/** ETags and If-Match (issue 13, finding 5): what GET sends is what PUT accepts. */
const scale = domains[0]!.questions.find((q) => q.type === 'scale')!.id;
let app: TestApp;
let user: Awaited<ReturnType<typeof registerAndLogin>>;

beforeAll(async () => {
  app = await startTestApp();
  user = await registerAndLogin(app.url, 'etag');
});
afterAll(async () => {
  await app?.stop();
});

const create = async () => (await user.client.post<{ id: string }>('/api/assessments', {})).body.id;
const save = (id: string, value: number, ifMatch?: string) =>
  user.client.put<{ version: number }>(
    `/api/assessments/${id}/responses`,
    { responses: { [scale]: value } },
    ifMatch === undefined ? {} : { 'if-match': ifMatch },
  );

describe('GET /api/assessments/:id', () => {
  it('when read, then the ETag is the strong "version", and PUT accepts it as If-Match', async () => {
    const id = await create();
    const got = await user.client.get<{ version: number }>(`/api/assessments/${id}`);
    expect(got.headers.get('etag')).toBe(`"${got.body.version}"`);
    const saved = await save(id, 3, got.headers.get('etag')!);
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe(`"${got.body.version + 1}"`);
    const again = await user.client.get(`/api/assessments/${id}`);
    expect(again.headers.get('etag')).toBe(saved.headers.get('etag'));
  });

  it('when read again with If-None-Match, then 200 with the body (documents change without a new version)', async () => {
    const id = await create();
    const got = await user.client.get(`/api/assessments/${id}`);
    const again = await user.client.get(`/api/assessments/${id}`, {
      'if-none-match': got.headers.get('etag')!,
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(got.body);
  });
});

describe('PUT /api/assessments/:id/responses with If-Match', () => {
  it('when If-Match is *, then the save goes through whatever the version', async () => {
    const id = await create();
    await save(id, 2);
    const saved = await save(id, 4, '*');
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(3);
  });

  it('when the strong ETag from an earlier GET is stale, then 409 with the current version', async () => {
    const id = await create();
    const etag = (await user.client.get(`/api/assessments/${id}`)).headers.get('etag')!;
    await save(id, 2);
    const problem = expectProblem(await save(id, 5, etag), 409);
    expect(problem.currentVersion).toBe(2);
  });
});
