import type { QuestionDef } from '../../functions/api/features/questionnaire/catalogue';
import { questionIndex } from '../../functions/api/features/questionnaire/service';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A tiny HTTP client that keeps a cookie jar, like a browser would (fetch on real HTTP). */
export class ApiClient {
  cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    readonly defaults: Record<string, string> = {},
  ) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(cookie ? { cookie } : {}),
        ...this.defaults,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, value] = pair!.split('=');
      const expired = attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a));
      if (expired || !value) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.trim());
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON; keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  get<T = unknown>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }
  put<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }
  delete<T = unknown>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }
}

let counter = 0;
export const PASSWORD = 'Correct-Horse-42';

/** Signs `email` up with the test password and a company (`fields` override any of them). */
export function register(client: ApiClient, email: string, fields: Record<string, unknown> = {}) {
  return client.post<{ userId: string; email: string; confirmationRequired: boolean }>('/api/auth/register', {
    email,
    password: PASSWORD,
    companyName: 'Acme Scale Ltd',
    industry: 'Software',
    ...fields,
  });
}

/** Registers and logs in a fresh user; the client then holds the session cookie. */
export async function registerAndLogin(baseUrl: string, label = 'user') {
  const client = new ApiClient(baseUrl);
  const email = `${label}-${Date.now()}-${counter++}@example.com`;
  const reg = await register(client, email);
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const login = await client.post<{ accessToken: string }>('/api/auth/login', { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { client, email, userId: reg.body.userId, accessToken: login.body.accessToken };
}

/** A valid answer for any question: the top of a scale, the best choice, a number, some text. */
export function validAnswer(q: QuestionDef, variant = 0): number | string {
  switch (q.type) {
    case 'scale':
      return Math.min(q.max ?? 5, (q.min ?? 1) + ((variant + q.id.length) % 5));
    case 'choice':
      return q.options![(variant + q.id.length) % q.options!.length]!.value;
    case 'number':
      return q.min ?? 0;
    case 'text':
      return 'We are hiring a COO to own process design.';
  }
}

/** Answers for every question in the questionnaire. */
export function allAnswers(variant = 0): Record<string, number | string> {
  return Object.fromEntries(
    [...questionIndex.values()].map(({ question }) => [question.id, validAnswer(question, variant)]),
  );
}

/** Uploads bytes through a presigned POST, as a browser form would. */
export async function uploadViaPresignedPost(
  upload: { url: string; fields: Record<string, string> },
  bytes: Uint8Array<ArrayBuffer>,
  contentType: string,
): Promise<number> {
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append('file', new Blob([bytes], { type: contentType }), 'upload');
  const res = await fetch(upload.url, { method: 'POST', body: form });
  await res.arrayBuffer();
  return res.status;
}
