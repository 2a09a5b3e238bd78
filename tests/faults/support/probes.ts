import type { ApiClient } from '../../support/client';
import type { LoadRecord } from '../load';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends a request and measures it; a request that takes 5 s counts as hung (status 0). */
export async function timed(client: ApiClient, method: string, path: string, body?: unknown, headers = {}) {
  const t = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<{ status: number; headers: Headers; body: Record<string, unknown> }>((resolve) => {
    timer = setTimeout(() => resolve({ status: 0, headers: new Headers(), body: {} }), 5000);
  });
  const res = await Promise.race([
    client.request<Record<string, unknown>>(method, path, body, headers),
    hung,
  ]);
  clearTimeout(timer);
  return { ...res, ms: performance.now() - t };
}

export function expectProblem503(res: Awaited<ReturnType<typeof timed>>, dependency: string) {
  expect({ status: res.status, fast: res.ms < 2000 }).toEqual({ status: 503, fast: true });
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.headers.get('retry-after')).toBe('2');
  expect(res.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
  expect(String(res.body.detail)).toContain(`(${dependency})`);
}

/** What clients saw: any hang, network error or 500 is a failure; 503s must be problem+json. */
/** Every request in the window succeeded (which mix of reads and creates depends on timing). */
export function expectOnlySuccesses(byStatus: Record<string, number>) {
  expect(Object.keys(byStatus).filter((status) => status !== '200' && status !== '201')).toEqual([]);
  expect((byStatus[200] ?? 0) + (byStatus[201] ?? 0)).toBeGreaterThan(0);
}

export function summarise(records: LoadRecord[]) {
  const byStatus: Record<string, number> = {};
  for (const r of records) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const bad = records.filter(
    (r) =>
      ![200, 201, 503].includes(r.status) ||
      (r.status === 503 && !r.contentType.startsWith('application/problem+json')),
  );
  const slowest = Math.max(0, ...records.map((r) => r.durationMs));
  return { byStatus, bad, slowest };
}

export async function waitFor<T>(
  what: string,
  ms: number,
  attempt: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = performance.now() + ms;
  for (;;) {
    const out = await attempt();
    if (out !== undefined) return out;
    if (performance.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await sleep(50);
  }
}
