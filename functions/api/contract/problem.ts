import * as z from 'zod/mini';

/** One bad field: `path` is dotted, e.g. `responses.strategy-vision`. */
export const fieldError = z.object({ path: z.string(), message: z.string() });

/**
 * RFC 9457 problem details as the API sends them, with every extension member it uses. Written with
 * zod/mini so the client parses with the same schema.
 */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  correlationId: z.string(),
  /** 400: each bad field (at most 20). */
  errors: z.optional(z.array(fieldError).check(z.maxLength(20))),
  /** 400: how many field errors were left out of `errors`. */
  moreErrors: z.optional(z.int()),
  /** 409 on an autosave: the version the server holds. */
  currentVersion: z.optional(z.int()),
  /** 422 on submit: the required questions still unanswered. */
  missing: z.optional(z.array(z.string())),
  /** 422 on create: the draft cap. */
  maxDrafts: z.optional(z.int()),
});
export type Problem = z.infer<typeof problem>;
