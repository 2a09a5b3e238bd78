import type * as z from 'zod/mini';

/**
 * One API operation, declared once: the Express route, its validation, /api/openapi.json and the
 * access log's route name all come from it. Pure data and types (no Node, no Express), so the client
 * can import the contract too.
 */
type Schema = z.core.$ZodType;

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Tag = 'auth' | 'account' | 'questionnaire' | 'assessments' | 'documents' | 'health' | 'meta';

/** A response header, described as OpenAPI wants it. */
export interface HeaderSpec {
  description: string;
  schema: { type: 'string' | 'integer'; [keyword: string]: unknown };
}

export interface ResponseSpec {
  description: string;
  /** The body: JSON by this schema; a problem+json body; or none (204). */
  body: Schema | 'problem' | 'none';
  headers?: Record<string, HeaderSpec>;
}

export interface Operation {
  operationId: string;
  method: Method;
  /** The OpenAPI path, e.g. `/api/assessments/{id}`. */
  path: `/api/${string}`;
  tag: Tag;
  summary: string;
  description?: string;
  /** `session`: a session cookie or a Bearer access token; anything else is a 401. */
  auth: 'public' | 'session';
  /** Path parameters; one that does not parse names nothing, so it is a 404 (`notFound` says what). */
  params?: Schema;
  notFound?: string;
  query?: Schema;
  /** Request headers, keyed in lower case. */
  headers?: Schema;
  body?: Schema;
  /** Behind the auth rate limiter: a 429 is possible. */
  rateLimited?: boolean;
  /** Every status this operation can answer itself; the statuses `impliedResponses` adds are not repeated. */
  responses: Record<number, ResponseSpec>;
}

/** Declares an operation and keeps its literal types (for the handler's parsed input). */
export const defineOperation = <const O extends Operation>(op: O): O => op;

export const json = (body: Schema, description: string, headers?: Record<string, HeaderSpec>) =>
  ({ description, body, ...(headers ? { headers } : {}) }) satisfies ResponseSpec;
export const noContent = (description: string): ResponseSpec => ({ description, body: 'none' });
export const problemResponse = (description: string): ResponseSpec => ({ description, body: 'problem' });

const unsafe = new Set<Method>(['post', 'put', 'patch', 'delete']);

/**
 * The statuses an operation can answer because of how it is declared, not because of what it does:
 * a body can be invalid (400), too large (413) or not JSON (415); a query or a path's encoding invalid
 * (400); a session
 * missing (401), a cookie request from a foreign origin refused (403), a dependency down (503).
 */
export function impliedResponses(op: Operation): Record<number, ResponseSpec> {
  const out: Record<number, ResponseSpec> = {};
  if (op.body || op.query || op.headers) {
    out[400] = problemResponse('The request is invalid: `errors` lists each bad field.');
  } else if (op.params) {
    out[400] = problemResponse('The path holds a malformed percent-encoding.');
  }
  if (op.body) {
    out[413] = problemResponse('The body is larger than 100 kB.');
    out[415] = problemResponse('The body is not application/json, or its encoding is not supported.');
  }
  if (op.params) out[404] = problemResponse(op.notFound ?? 'Not found.');
  if (op.auth === 'session') {
    out[401] = problemResponse('No valid session cookie or Bearer access token.');
    if (unsafe.has(op.method)) {
      out[403] = problemResponse('A cookie-authenticated request from a foreign Origin.');
    }
    out[503] = problemResponse(
      'A dependency (database, identity provider) is unavailable; retry after Retry-After.',
    );
  }
  if (op.rateLimited) out[429] = problemResponse('Too many attempts; see the RateLimit headers.');
  return out;
}

/** All statuses of an operation: what it declares, over what its declaration implies. */
export const allResponses = (op: Operation): Record<number, ResponseSpec> => ({
  ...impliedResponses(op),
  ...op.responses,
});

/** `/api/assessments/{id}` → `/api/assessments/:id` (the Express form, and the access log's). */
export const expressPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

/** The access log's and the metrics' route name, e.g. `GET /api/assessments/:id`. */
export const routeName = (op: Operation): string => `${op.method.toUpperCase()} ${expressPath(op.path)}`;
