import type { Request } from 'express';
import * as z from 'zod/mini';
import '../zod-english';
import { BadRequestError, UnsupportedMediaTypeError } from './errors';
import { zodFieldErrors } from './problem';

/** Parses the JSON body with a zod schema; a body sent as anything but JSON is a 415. */
export function parseBody<S extends z.core.$ZodType>(req: Request, schema: S): z.core.output<S> {
  const length = Number(req.get('content-length') ?? 0);
  const hasBody = length > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is('application/json')) {
    throw new UnsupportedMediaTypeError('Send the request body as application/json.');
  }
  const result = z.safeParse(schema, req.body ?? {});
  if (!result.success)
    throw new BadRequestError('The request body is invalid.', zodFieldErrors(result.error));
  return result.data;
}
