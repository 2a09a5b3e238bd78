import type { RequestHandler } from 'express';
import { BadRequestError } from './errors';

/**
 * A path with a broken percent-encoding (`/%`, `/a%E0%A4%A`) cannot name any resource. It is refused
 * here, before routing, so no router or static handler meets it and throws a URIError.
 */
export const malformedUrl: RequestHandler = (req, _res, next) => {
  try {
    decodeURIComponent(req.path);
  } catch {
    return next(new BadRequestError('The URL holds a malformed percent-encoding.'));
  }
  next();
};
