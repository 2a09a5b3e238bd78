import type { Request } from 'express';
import type { z } from 'zod';
import { BadRequestError, UnsupportedMediaTypeError } from './errors';
import { zodFieldErrors } from './problem';

/** Parses the JSON body with a zod schema; a body sent as anything but JSON is a 415. */
export function parseBody<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const length = Number(req.get('content-length') ?? 0);
  const hasBody = length > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is('application/json')) {
    throw new UnsupportedMediaTypeError('Send the request body as application/json.');
  }
  const result = schema.safeParse(req.body ?? {});
  if (!result.success)
    throw new BadRequestError('The request body is invalid.', zodFieldErrors(result.error));
  return result.data;
}

/** Parses route params (ids) with a zod schema; a malformed id cannot exist, so it is a 404. */
export function parseParams<S extends z.ZodType>(req: Request, schema: S, onError: () => Error): z.infer<S> {
  const result = schema.safeParse(req.params);
  if (!result.success) throw onError();
  return result.data;
}
