import * as z from 'zod/mini';
import { DEFAULT_PAGE_SIZE, type listQuery } from '../../contract/assessments-requests';
import { BadRequestError } from '../../platform/http/errors';
import type { ListPosition } from './repository';

const position = z.strictObject({
  u: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)),
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

/** The parsed query (see the contract's `listQuery`) as a page size and a start position. */
export function pageOf(query: z.output<typeof listQuery>): { limit: number; after?: ListPosition } {
  const { limit = DEFAULT_PAGE_SIZE, cursor } = query;
  return { limit, ...(cursor ? { after: decodeCursor(cursor) } : {}) };
}
