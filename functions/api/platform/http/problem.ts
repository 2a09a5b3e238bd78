import type { Logger } from '@aws-lambda-powertools/logger';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
// From core by name: `z.core.$ZodError` would keep all of zod's core namespace in the bundle.
import { $ZodError } from 'zod/v4/core';
import { isDatabaseUnavailable } from '../db/database';
import { currentLogger } from '../observability/logger';
import {
  BadRequestError,
  type FieldError,
  HttpError,
  NotFoundError,
  ServiceUnavailableError,
} from './errors';

/** RFC 9457 problem details, as the API sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  correlationId: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

export function sendProblem(res: Response, problem: Problem): void {
  if (problem.status === 503) res.setHeader('Retry-After', '2');
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** Maps zod issues to `{path, message}` pairs with dotted paths. */
export function zodFieldErrors(err: $ZodError): { path: string; message: string }[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
}

/** Errors thrown by body-parser carry a `type` and a `status`. */
function bodyParserProblem(err: { type?: string; status?: number }): HttpError | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'Bad Request', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new HttpError(413, 'Payload Too Large', 'The request body is larger than 100 kB.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'Unsupported Media Type', 'The request body encoding is not supported.');
    case 'request.aborted':
      return new HttpError(400, 'Bad Request', 'The request was aborted.');
    default:
      return undefined;
  }
}

/** At most this many field errors go out; a huge bad body must not produce a huger answer. */
export const MAX_FIELD_ERRORS = 20;

/** Keeps the first field errors and says how many more there were (`moreErrors`, and in `detail`). */
export function boundErrors(detail: string | undefined, extra: HttpError['extra']) {
  const errors = extra?.errors as FieldError[] | undefined;
  if (!errors || errors.length <= MAX_FIELD_ERRORS) return { detail, extra };
  const more = errors.length - MAX_FIELD_ERRORS;
  return {
    detail: `${detail ?? 'The request is invalid.'} The first ${MAX_FIELD_ERRORS} errors are listed; ${more} more were left out.`,
    extra: { ...extra, errors: errors.slice(0, MAX_FIELD_ERRORS), moreErrors: more },
  };
}

function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  // Backstop for the malformedUrl middleware: a percent-encoding that cannot be decoded.
  if (err instanceof URIError) return new BadRequestError('The URL holds a malformed percent-encoding.');
  // Any zod error (classic's ZodError is a $ZodError too).
  if (err instanceof $ZodError) {
    return new HttpError(400, 'Bad Request', 'The request is invalid.', { errors: zodFieldErrors(err) });
  }
  if (err && typeof err === 'object' && 'type' in err) {
    const mapped = bodyParserProblem(err as { type?: string });
    if (mapped) return mapped;
  }
  // body-parser's untyped client errors (e.g. a body that fails to decompress) are the client's fault.
  const { status, expose } = (err ?? {}) as { status?: unknown; expose?: unknown };
  if (status === 400 && expose === true) {
    return new HttpError(400, 'Bad Request', 'The request body could not be read.');
  }
  if (isDatabaseUnavailable(err)) return new ServiceUnavailableError('db');
  return undefined;
}

/** The one error middleware: typed errors become problem+json; anything else a bare 500. */
export function errorHandler(root: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const logger = currentLogger(root);
    const known = toHttpError(err);
    if (res.headersSent) {
      logger.error('Error after response started', { error: err as Error });
      res.end();
      return;
    }
    if (known) {
      if (known.status >= 500) logger.warn('Dependency unavailable', { error: known, cause: err as Error });
      const { detail, extra } = boundErrors(known.detail, known.extra);
      sendProblem(res, {
        type: known.type,
        title: known.title,
        status: known.status,
        ...(detail ? { detail } : {}),
        correlationId: req.correlationId,
        ...extra,
      });
      return;
    }
    logger.error('Unhandled error', { error: err as Error });
    sendProblem(res, {
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'Something went wrong on our side. Quote the correlation id if you contact support.',
      correlationId: req.correlationId,
    });
  };
}

/** Unknown routes under /api: a 404 problem, never HTML. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No route for ${req.method} ${req.path}.`));
};
