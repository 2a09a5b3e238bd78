import { performance } from 'node:perf_hooks';

/** One timed request, for per-route statistics. */
export interface Timing {
  route: string;
  ms: number;
  status: number;
  ok: boolean;
}

export interface TimedResponse<T> {
  status: number;
  body: T;
  ok: boolean;
}

/**
 * A browser-like client for load drivers: a cookie jar, JSON bodies, a per-request timeout, and
 * every request timed under a route label (e.g. `PUT /api/assessments/:id/responses`).
 */
export class TimedClient {
  private readonly cookies = new Map<string, string>();
  constructor(
    private readonly baseUrl: string,
    private readonly record: (t: Timing) => void,
    private readonly timeoutMs = 30_000,
  ) {}

  async request<T = unknown>(
    route: string,
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; expect?: number } = {},
  ): Promise<TimedResponse<T>> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (cookie) headers.cookie = cookie;
    const started = performance.now();
    let status = 0;
    try {
      const res = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.status;
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const eq = pair!.indexOf('=');
        const name = pair!.slice(0, eq).trim();
        const value = pair!.slice(eq + 1).trim();
        if (value) this.cookies.set(name, value);
        else this.cookies.delete(name);
      }
      const text = await res.text();
      const ok = options.expect === undefined ? res.ok : status === options.expect;
      this.record({ route, ms: performance.now() - started, status, ok });
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON
      }
      return { status, body: body as T, ok };
    } catch (err) {
      this.record({ route, ms: performance.now() - started, status, ok: false });
      throw err;
    }
  }
}

/** Uploads through a presigned POST form, as a browser would, timed under `route`. */
export async function timedUpload(
  upload: { url: string; fields: Record<string, string> },
  bytes: Uint8Array<ArrayBuffer>,
  contentType: string,
  route: string,
  record: (t: Timing) => void,
  timeoutMs = 30_000,
): Promise<boolean> {
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append('file', new Blob([bytes], { type: contentType }), 'upload');
  const started = performance.now();
  let status = 0;
  try {
    const res = await fetch(upload.url, {
      method: 'POST',
      body: form,
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.status;
    await res.arrayBuffer();
  } finally {
    record({ route, ms: performance.now() - started, status, ok: status >= 200 && status < 300 });
  }
  return status >= 200 && status < 300;
}
