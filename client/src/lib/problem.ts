import { z } from 'zod/mini';

/** RFC 9457 problem details as the API sends them. */
export const ProblemSchema = z.object({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.number()),
  detail: z.optional(z.string()),
  correlationId: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  missing: z.optional(z.array(z.string())),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** A failed API call: an HTTP error with its problem body, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Field-level messages keyed by the last path segment (`body.email` → `email`). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = e.path.split(/[./]/).filter(Boolean).pop() ?? e.path;
      out[key] ??= e.message;
    }
    return out;
  }

  /** Worth retrying automatically: network down, overloaded or rate limited. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** Plain words for an error of any kind. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'We could not reach ScaleMap. Check your connection and try again.';
    if (error.status === 401) return 'Your session has ended. Please sign in again.';
    if (error.status === 429) return 'Too many attempts. Please wait a minute and try again.';
    if (error.status >= 500 && !error.problem.detail)
      return 'Something went wrong on our side. Please try again.';
    return error.problem.detail ?? error.problem.title ?? error.message;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
