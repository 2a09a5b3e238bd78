import type { AssessmentDetail, AssessmentSummary, SubmitResponse } from '../../contract/assessments';
import type { AnswerValue } from '../../contract/questionnaire';
import type { AppDeps } from '../../deps';
import { recordEvent, relayOutbox } from '../../platform/events/outbox';
import {
  BadRequestError,
  ConflictError,
  type FieldError,
  NotFoundError,
  UnprocessableEntityError,
} from '../../platform/http/errors';
import { currentLogger } from '../../platform/observability/logger';
import { assessmentPrefix, toDocumentView } from '../documents/shared';
import {
  questionIndex,
  requiredQuestionIds,
  scoreResponses,
  totalQuestions,
  validateAnswer,
} from '../questionnaire/service';
import { encodeCursor } from './list-query';
import * as repo from './repository';

export const ASSESSMENT_SUBMITTED = 'assessment.submitted';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const progressOf = (answered: number) => ({ answered, total: totalQuestions });
/** The name an assessment gets when none is given: its creation date (UTC). */
export const defaultAssessmentName = (at: Date) => `Assessment ${at.toISOString().slice(0, 10)}`;

type SummaryRow = Pick<
  repo.AssessmentRow,
  'id' | 'name' | 'status' | 'version' | 'createdAt' | 'updatedAt' | 'submittedAt'
>;

function summary(row: SummaryRow, answered: number): AssessmentSummary {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    version: row.version,
    progress: progressOf(answered),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: iso(row.submittedAt),
  };
}

function submitBody(row: repo.AssessmentRow): SubmitResponse {
  return {
    id: row.id,
    status: 'submitted',
    submittedAt: row.submittedAt!.toISOString(),
    triageResults: row.triageResults as SubmitResponse['triageResults'],
  };
}

/** Checks every answer; unknown ids and bad values are reported together, nothing is saved. */
function checkAnswers(responses: Record<string, AnswerValue | null>) {
  const errors: FieldError[] = [];
  const upserts: { questionId: string; domainId: string; value: AnswerValue }[] = [];
  const deletes: string[] = [];
  for (const questionId of Object.keys(responses)) {
    const entry = questionIndex.get(questionId);
    const path = `responses.${questionId.slice(0, 100)}`;
    if (!entry) {
      errors.push({ path, message: 'Unknown question.' });
      continue;
    }
    const value = responses[questionId];
    if (value === null || value === undefined) {
      deletes.push(questionId);
      continue;
    }
    const problem = validateAnswer(entry.question, value);
    if (problem) errors.push({ path, message: problem });
    else upserts.push({ questionId, domainId: entry.domainId, value });
  }
  if (errors.length) throw new BadRequestError('Some answers are invalid; nothing was saved.', errors);
  return { upserts, deletes };
}

/**
 * Parses `If-Match`: the strong ETag GET sends (`"3"`), the bare version (`3`, or `W/"3"` from older
 * clients), or `*` (any current version: the assessment only has to exist).
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new BadRequestError('If-Match must be the assessment version, e.g. If-Match: "3".');
  return Number(match[1]);
}

/** Drafts, answers and submit; naming and deleting. */
export function assessmentService(
  deps: Pick<AppDeps, 'db' | 'storage' | 'events' | 'config' | 'metrics' | 'logger' | 'clock'>,
) {
  const { db } = deps.db;
  const now = deps.clock ?? (() => new Date());

  return {
    async create(userId: string, name?: string): Promise<AssessmentSummary> {
      const cap = deps.config.limits.draftsPerUser;
      const row = await db.transaction(async (tx) => {
        await repo.lockUser(tx, userId);
        if ((await repo.countDrafts(tx, userId)) >= cap) {
          throw new UnprocessableEntityError(
            `You can have at most ${cap} drafts at a time. Submit or delete a draft before starting another.`,
            { maxDrafts: cap },
          );
        }
        return repo.insertAssessment(tx, userId, name ?? defaultAssessmentName(now()));
      });
      return summary(row, 0);
    },

    /** One page, most recently changed first; `nextCursor` is null on the last page. */
    async list(
      userId: string,
      page: { limit: number; after?: repo.ListPosition },
    ): Promise<{ items: AssessmentSummary[]; nextCursor: string | null }> {
      const rows = await repo.listPage(db, userId, page.limit, page.after);
      const more = rows.length > page.limit;
      const shown = more ? rows.slice(0, page.limit) : rows;
      const last = shown.at(-1);
      const items = shown.map((r) => summary(r, Number(r.answered)));
      return {
        items,
        nextCursor: more && last ? encodeCursor({ updatedAt: last.position, id: last.id }) : null,
      };
    },

    async get(userId: string, id: string): Promise<AssessmentDetail> {
      const found = await repo.findOwnedDetail(db, userId, id);
      if (!found) throw new NotFoundError('Assessment not found.');
      const { assessment: row, responses, documents } = found;
      return {
        ...summary(row, Object.keys(responses).length),
        responses,
        documents: documents.map((d) => toDocumentView({ ...d, createdAt: new Date(d.createdAt) })),
        ...(row.triageResults
          ? { triageResults: row.triageResults as AssessmentDetail['triageResults'] }
          : {}),
      };
    },

    async saveResponses(
      userId: string,
      id: string,
      responses: Record<string, AnswerValue | null>,
      expectedVersion: number | undefined,
    ) {
      const { upserts, deletes } = checkAnswers(responses);
      return db.transaction(async (tx) => {
        const row = await repo.findOwned(tx, userId, id, true);
        if (!row) throw new NotFoundError('Assessment not found.');
        if (row.status === 'submitted') {
          throw new ConflictError('The assessment has been submitted and can no longer change.', {
            currentVersion: row.version,
          });
        }
        if (expectedVersion !== undefined && expectedVersion !== row.version) {
          throw new ConflictError('The assessment changed since you loaded it. Reload and try again.', {
            currentVersion: row.version,
          });
        }
        const at = now();
        await repo.upsertResponses(tx, id, upserts, at);
        await repo.deleteResponses(tx, id, deletes);
        const { version, answered } = await repo.bumpVersion(tx, id, at);
        return { version, progress: progressOf(answered) };
      });
    },

    async submit(userId: string, id: string): Promise<SubmitResponse> {
      const result = await db.transaction(async (tx) => {
        const row = await repo.findOwned(tx, userId, id, true);
        if (!row) throw new NotFoundError('Assessment not found.');
        // A repeat returns the same body and writes nothing.
        if (row.status === 'submitted') return { body: submitBody(row), fresh: false };
        const responses = await repo.responsesOf(tx, id);
        const missing = requiredQuestionIds.filter((q) => !(q in responses));
        if (missing.length) {
          throw new UnprocessableEntityError(`${missing.length} required answers are missing.`, { missing });
        }
        const triage = scoreResponses(responses);
        const submitted = await repo.markSubmitted(tx, id, triage, now());
        const body = submitBody(submitted);
        await recordEvent(tx, ASSESSMENT_SUBMITTED, { assessmentId: id, userId, ...body });
        return { body, fresh: true };
      });
      if (result.fresh) {
        deps.metrics.count('AssessmentSubmitted');
        // Best effort now; the scheduled relay retries whatever this leaves behind.
        await relayOutbox(deps.db.db, deps.events, { limit: 10 }).catch((error: Error) =>
          currentLogger(deps.logger).warn('Outbox publish deferred to the relay', { error }),
        );
      }
      return result.body;
    },

    async rename(userId: string, id: string, name: string) {
      const row = await repo.rename(db, userId, id, name, now());
      if (!row) throw new NotFoundError('Assessment not found.');
      return { id: row.id, name: row.name, updatedAt: row.updatedAt.toISOString() };
    },

    /**
     * Deletes a draft with its answers, document rows and every stored object version. The row
     * stays locked meanwhile, so no upload slot or submit can slip in; if S3 fails, nothing is
     * deleted from the database and the user can retry.
     */
    async remove(userId: string, id: string) {
      await db.transaction(async (tx) => {
        const row = await repo.findOwned(tx, userId, id, true);
        if (!row) throw new NotFoundError('Assessment not found.');
        if (row.status === 'submitted') {
          throw new ConflictError('Submitted assessments are kept as a record and cannot be deleted.');
        }
        await deps.storage.removeAll(assessmentPrefix(id));
        await repo.deleteAssessment(tx, id);
      });
    },
  };
}
export type AssessmentService = ReturnType<typeof assessmentService>;
