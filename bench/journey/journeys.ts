import { setTimeout as sleep } from 'node:timers/promises';
import { domains } from '../../functions/api/features/questionnaire/catalogue';
import { allAnswers, PASSWORD } from '../../tests/support/client';
import { DOCX, PDF, pdfBytes, XLSX, zipBytes } from '../../tests/support/files';
import { TimedClient, type Timing, timedUpload } from '../lib/http';

/** Requests that go to the S3 stand-in, not the API (kept out of the API percentiles). */
export const S3_ROUTE = 'POST (S3 stand-in) presigned upload';

export interface Pacing {
  /** Users starting per second. */
  arrivalPerSecond: number;
  /** Pause between a user's steps, ms (the client debounces autosaves by 800 ms). */
  thinkMs: number;
  /** At most this many users in their journey at once. */
  maxConcurrentUsers: number;
}

const files = () => [
  { fileName: 'board-pack.pdf', contentType: PDF, bytes: pdfBytes() },
  { fileName: 'org-design.docx', contentType: DOCX, bytes: zipBytes('docx') },
  { fileName: 'forecast.xlsx', contentType: XLSX, bytes: zipBytes('xlsx') },
];

export class JourneyError extends Error {}

/** One user's whole journey against the app; throws at the first unexpected answer. */
export async function appJourney(url: string, user: string, record: (t: Timing) => void, pacing: Pacing) {
  const think = () => sleep(pacing.thinkMs);
  const c = new TimedClient(url, record);
  const must = <T>(r: { ok: boolean; status: number; body: T }, what: string) => {
    if (!r.ok) throw new JourneyError(`${what}: ${r.status}`);
    return r.body;
  };
  const email = `${user}@bench.example.com`;
  must(
    await c.request('POST /api/auth/register', 'POST', '/api/auth/register', {
      body: { email, password: PASSWORD, companyName: 'Bench Ltd', industry: 'Software' },
      expect: 201,
    }),
    'register',
  );
  await think();
  must(
    await c.request('POST /api/auth/login', 'POST', '/api/auth/login', {
      body: { email, password: PASSWORD },
      expect: 200,
    }),
    'login',
  );
  must(
    await c.request('GET /api/questionnaire', 'GET', '/api/questionnaire', { expect: 200 }),
    'questionnaire',
  );
  await think();
  const created = must(
    await c.request<{ id: string; version: number }>('POST /api/assessments', 'POST', '/api/assessments', {
      body: {},
      expect: 201,
    }),
    'create',
  );
  const id = created.id;
  let version = created.version;
  const answers = allAnswers(user.length);
  for (const domain of domains) {
    await think();
    const batch = Object.fromEntries(domain.questions.map((q) => [q.id, answers[q.id]!]));
    const saved = must(
      await c.request<{ version: number }>(
        'PUT /api/assessments/:id/responses',
        'PUT',
        `/api/assessments/${id}/responses`,
        { body: { responses: batch }, headers: { 'if-match': `"${version}"` }, expect: 200 },
      ),
      'autosave',
    );
    version = saved.version;
  }
  for (const file of files()) {
    await think();
    const slot = must(
      await c.request<{ document: { id: string }; upload: { url: string; fields: Record<string, string> } }>(
        'POST /api/assessments/:id/documents',
        'POST',
        `/api/assessments/${id}/documents`,
        {
          body: { fileName: file.fileName, contentType: file.contentType, sizeBytes: file.bytes.length },
          expect: 201,
        },
      ),
      'upload slot',
    );
    if (!(await timedUpload(slot.upload, file.bytes, file.contentType, S3_ROUTE, record))) {
      throw new JourneyError('upload to S3');
    }
    must(
      await c.request(
        'POST /api/assessments/:id/documents/:docId/complete',
        'POST',
        `/api/assessments/${id}/documents/${slot.document.id}/complete`,
        { expect: 200 },
      ),
      'complete',
    );
  }
  await think();
  must(
    await c.request('POST /api/assessments/:id/submit', 'POST', `/api/assessments/${id}/submit`, {
      expect: 200,
    }),
    'submit',
  );
  must(
    await c.request('GET /api/assessments/:id', 'GET', `/api/assessments/${id}`, { expect: 200 }),
    'result',
  );
}

/** The same number of requests with the same pauses, against the hello-world. */
export async function baselineJourney(
  url: string,
  _user: string,
  record: (t: Timing) => void,
  pacing: Pacing,
) {
  const think = () => sleep(pacing.thinkMs);
  const c = new TimedClient(url, record);
  const hit = (method: string) => c.request(`${method} baseline`, method, '/', { expect: 200 });
  const steps: [method: string, thinkBefore: boolean][] = [
    ['POST', false],
    ['POST', true],
    ['GET', false],
    ['POST', true],
    ...domains.map((): [string, boolean] => ['PUT', true]),
    ...[0, 1, 2].flatMap((): [string, boolean][] => [
      ['POST', true],
      ['POST', false],
      ['POST', false],
    ]),
    ['POST', true],
    ['GET', false],
  ];
  for (const [method, pause] of steps) {
    if (pause) await think();
    if (!(await hit(method)).ok) throw new JourneyError(method);
  }
}
