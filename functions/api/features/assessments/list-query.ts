import { z } from 'zod';
import { BadRequestError } from '../../platform/http/errors';
import { zodFieldErrors } from '../../platform/http/problem';
import type { ListPosition } from './repository';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `GET /api/assessments?limit=&cursor=`; a repeated parameter arrives as an array and is refused. */
export const listQuery = z.object({
  limit: z
    .string({ error: `limit must be one whole number from 1 to ${MAX_PAGE_SIZE}.` })
    .regex(/^\d{1,3}$/, `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
        .max(MAX_PAGE_SIZE, `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`),
    )
    .optional(),
  cursor: z.string({ error: 'Send one cursor.' }).min(1).max(200).optional(),
});

const position = z.strictObject({
  u: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  i: z.uuid(),
});

/** The cursor is opaque to clients: base64url JSON naming the last row of the previous page. */
export function encodeCursor(p: ListPosition): string {
  return Buffer.from(JSON.stringify({ u: p.updatedAt, i: p.id })).toString('base64url');
}

export function decodeCursor(cursor: string): ListPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = position.safeParse(parsed);
  if (!result.success) {
    throw new BadRequestError('The cursor is not one this API issued. Start again without it.', [
      { path: 'cursor', message: 'Unknown cursor.' },
    ]);
  }
  return { updatedAt: result.data.u, id: result.data.i };
}

/** Parses the list's query string into a page size and a start position. */
export function parseListQuery(query: unknown): { limit: number; after?: ListPosition } {
  const result = listQuery.safeParse(query ?? {});
  if (!result.success) throw new BadRequestError('The query is invalid.', zodFieldErrors(result.error));
  const { limit = DEFAULT_PAGE_SIZE, cursor } = result.data;
  return { limit, ...(cursor ? { after: decodeCursor(cursor) } : {}) };
}
