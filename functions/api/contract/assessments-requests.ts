import * as z from 'zod/mini';
import { hasControlChars } from './text';

// Inputs of the assessment operations: server-side validation (zod/mini, with its English messages).

export const assessmentId = z.object({ id: z.uuid() });

/** An assessment's name: 1–120 characters of printable, valid Unicode, trimmed. */
export const assessmentName = z.string('Name must be text.').check(
  z.trim(),
  z.minLength(1, 'Name is required.'),
  z.maxLength(120, 'Name must be at most 120 characters.'),
  z.refine((s: string) => !hasControlChars(s), 'Name must not contain control characters.'),
  // A lone UTF-16 surrogate would be stored mangled or refused by the database.
  z.refine((s: string) => !/\p{Cs}/u.test(s), 'Name must be valid Unicode text.'),
);

export const createAssessmentRequest = z.strictObject({ name: z.optional(assessmentName) });

/**
 * More answers than the questionnaire has questions: documented as `maxProperties`. The server does not
 * count them first: it refuses every unknown question id by name (400), so such a body fails anyway.
 */
export const MAX_ANSWERS_PER_SAVE = 500;
/** The longest text answer any question allows (its own `maxLength` is never more). */
export const MAX_TEXT_ANSWER = 2000;

/**
 * An answer as sent: `answerValue`, with text documented at the longest any question allows. The
 * service checks each answer against its own question (type, range, length) and names the field.
 */
const answerInput = z.union([z.number(), z.string().check(z.meta({ maxLength: MAX_TEXT_ANSWER }))]);

export const saveResponsesRequest = z.strictObject({
  responses: z.record(z.string().check(z.minLength(1), z.maxLength(100)), z.nullable(answerInput)).check(
    z.refine((r: object) => Object.keys(r).length > 0, 'Send at least one answer.'),
    z.meta({ minProperties: 1, maxProperties: MAX_ANSWERS_PER_SAVE }),
  ),
});

export const renameAssessmentRequest = z.strictObject({ name: assessmentName });

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const limitMessage = `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`;

/** `GET /api/assessments?limit=&cursor=`; a repeated parameter arrives as an array and is refused. */
export const listQuery = z.object({
  limit: z
    .optional(
      z.pipe(
        z.pipe(
          z
            .string({ error: `limit must be one whole number from 1 to ${MAX_PAGE_SIZE}.` })
            .check(z.regex(/^\d{1,3}$/, limitMessage)),
          z.transform(Number),
        ),
        z.number().check(z.minimum(1, limitMessage), z.maximum(MAX_PAGE_SIZE, limitMessage)),
      ),
    )
    // As documented: the query string's text is a whole number.
    .check(z.meta({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })),
  cursor: z
    .optional(z.string({ error: 'Send one cursor.' }).check(z.minLength(1), z.maxLength(200)))
    .check(z.meta({ description: 'The `nextCursor` of the previous page (opaque).' })),
});

/** `If-Match` on an autosave: the ETag from GET ("3"), or `*`. */
export const ifMatchHeaders = z.object({
  'if-match': z
    .optional(z.string().check(z.maxLength(100)))
    .check(z.meta({ description: 'The ETag from GET ("3"), or * for any version; a stale one is a 409.' })),
});
