import { randomUUID } from 'node:crypto';
import { domains } from '../../functions/api/features/questionnaire/catalogue';
import { allAnswers } from '../support/client';

/** One request the load made. */
export interface LoadRecord {
  vu: number;
  method: string;
  route: string;
  /** Milliseconds since the load started, when the request was sent. */
  startedAt: number;
  durationMs: number;
  /** 0 when the request failed without an HTTP answer (network error or the client's timeout). */
  status: number;
  contentType: string;
  /** Sent as x-correlation-id, so a test can match the record to the server's access log. */
  correlationId: string;
  /** For status 0: the error's cause code (ECONNREFUSED, UND_ERR_SOCKET, …) or name. */
  error?: string;
}

/** How a virtual user authenticates: the session cookie, or a Bearer access token. */
export interface VirtualUser {
  cookie?: string;
  accessToken?: string;
}

export interface Load {
  records: LoadRecord[];
  /** Assessments whose submit got a 2xx. */
  submitted: Set<string>;
  /** Submit calls that got a 2xx (repeats of an ambiguous submit included). */
  submitCalls2xx: number;
  /** Milliseconds since the load started. */
  now(): number;
  /** Records of requests still in flight at or after `from` (ms since start). */
  since(from: number): LoadRecord[];
  /** Resolves once `n` more requests have succeeded. */
  successes(n: number): Promise<void>;
  /** Holds the virtual users between requests and waits until none is in flight. */
  pause(): Promise<void>;
  resume(): void;
  /** Stops the loops and waits for every request in flight. */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A request that takes this long counts as hung. */
const CLIENT_TIMEOUT_MS = 8000;

/**
 * A light, steady load: each virtual user loops create → three autosaves → read → submit, with a
 * questionnaire read on the way, retrying a step that failed (as the SPA does). Every request is
 * recorded so a test can judge what clients saw while a dependency was down.
 */
export function startLoad(baseUrl: string, users: VirtualUser[], pauseMs = 25): Load {
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  const records: LoadRecord[] = [];
  const submitted = new Set<string>();
  let submitCalls2xx = 0;
  let stopped = false;
  let paused: Promise<void> | undefined;
  let unpause = () => {};
  let inFlight = 0;
  const waiters: { target: number; resolve: () => void }[] = [];
  let ok = 0;

  const answers = allAnswers(1);
  const batches = [0, 1, 2].map((part) =>
    Object.fromEntries(
      domains
        .filter((_, i) => i % 3 === part)
        .flatMap((d) => d.questions.map((q) => [q.id, answers[q.id]!] as const)),
    ),
  );

  async function call(
    vu: number,
    user: VirtualUser,
    method: string,
    route: string,
    path: string,
    body?: unknown,
  ) {
    const startedAt = now();
    inFlight++;
    const correlationId = randomUUID();
    const headers: Record<string, string> = { 'x-correlation-id': correlationId };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (user.cookie) headers.cookie = user.cookie;
    if (user.accessToken) headers.authorization = `Bearer ${user.accessToken}`;
    const record = (outcome: Pick<LoadRecord, 'status' | 'contentType' | 'error'>) =>
      records.push({
        vu,
        method,
        route,
        startedAt,
        durationMs: now() - startedAt,
        correlationId,
        ...outcome,
      });
    try {
      const res = await fetch(baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
      });
      const text = await res.text();
      record({ status: res.status, contentType: res.headers.get('content-type') ?? '' });
      if (res.ok) {
        ok++;
        for (const w of waiters.filter((x) => ok >= x.target)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
      return {
        status: res.status,
        body: res.ok && text ? (JSON.parse(text) as Record<string, unknown>) : {},
      };
    } catch (err) {
      record({
        status: 0,
        contentType: '',
        error: String((err as { cause?: { code?: unknown } }).cause?.code ?? (err as Error).name),
      });
      return { status: 0, body: {} };
    } finally {
      inFlight--;
    }
  }

  async function virtualUser(vu: number, user: VirtualUser) {
    let id: string | undefined;
    let step = 0;
    while (!stopped) {
      if (paused) await paused;
      if (stopped) break;
      let status: number;
      if (!id) {
        const res = await call(vu, user, 'POST', 'POST /assessments', '/api/assessments', {});
        status = res.status;
        if (status === 201) {
          id = String(res.body.id);
          step = 0;
        }
      } else if (step < batches.length) {
        const res = await call(
          vu,
          user,
          'PUT',
          'PUT /assessments/:id/responses',
          `/api/assessments/${id}/responses`,
          {
            responses: batches[step],
          },
        );
        status = res.status;
        if (status === 200) step++;
      } else if (step === batches.length) {
        status = (await call(vu, user, 'GET', 'GET /assessments/:id', `/api/assessments/${id}`)).status;
        if (status === 200) step++;
      } else {
        status = (
          await call(vu, user, 'POST', 'POST /assessments/:id/submit', `/api/assessments/${id}/submit`)
        ).status;
        if (status === 200) {
          submitted.add(id);
          submitCalls2xx++;
          id = undefined;
          await call(vu, user, 'GET', 'GET /questionnaire', '/api/questionnaire');
        }
      }
      // Only an unavailable dependency is worth retrying; anything else abandons the assessment
      // (and shows up in the records as a failure).
      if (status !== 503 && status !== 0 && (status < 200 || status >= 300)) id = undefined;
      // Back off a little on failure, as a client honouring Retry-After would (only shorter).
      await sleep(status >= 200 && status < 300 ? pauseMs : pauseMs * 4);
    }
  }

  const loops = users.map((u, i) => virtualUser(i, u));
  return {
    records,
    submitted,
    get submitCalls2xx() {
      return submitCalls2xx;
    },
    now,
    since: (from) => records.filter((r) => r.startedAt + r.durationMs >= from),
    successes: (n) =>
      new Promise<void>((resolve) => {
        waiters.push({ target: ok + n, resolve });
      }),
    async pause() {
      paused ??= new Promise<void>((resolve) => {
        unpause = resolve;
      });
      while (inFlight > 0) await sleep(5);
    },
    resume() {
      unpause();
      paused = undefined;
    },
    async stop() {
      stopped = true;
      unpause();
      await Promise.all(loops);
      for (const w of waiters.splice(0)) w.resolve();
    },
  };
}
