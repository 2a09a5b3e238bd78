import type { z } from 'zod/mini';
import { env } from '../config/env';
import { ApiError, ProblemSchema } from './problem';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/**
 * Calls the API with the session cookie (never a stored token), parses success bodies with `schema`
 * and turns failures into `ApiError` with the problem+json body.
 */
export async function apiRequest<S extends z.ZodMiniType>(
  method: Method,
  path: string,
  schema: S | null,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${env.VITE_API_URL}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { title: 'Network error' });
  }
  if (!res.ok) throw new ApiError(res.status, await readProblem(res));
  if (schema === null || res.status === 204) return undefined as z.infer<S>;
  const json: unknown = await res.json();
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(res.status, {
      title: 'Unexpected response',
      detail: 'The server sent a response this page does not understand. Please reload.',
      correlationId: res.headers.get('x-correlation-id') ?? undefined,
    });
  }
  return parsed.data;
}

async function readProblem(res: Response) {
  const correlationId = res.headers.get('x-correlation-id') ?? undefined;
  try {
    const parsed = ProblemSchema.safeParse(await res.json());
    if (parsed.success) return { correlationId, ...parsed.data };
  } catch {
    // Not JSON (a proxy's HTML page, say): fall through to a generic problem.
  }
  return { title: res.statusText || 'Request failed', status: res.status, correlationId };
}

/**
 * A POST the API answers with 204: the returned call resolves `true`, so a mutation's `run` tells
 * success (true) from failure (undefined, with the error kept).
 */
export function postCommand<I>(path: string): (input: I) => Promise<true> {
  return async (input) => {
    await apiRequest('POST', path, null, { body: input });
    return true;
  };
}
