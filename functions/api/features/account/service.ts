import type { ExportResponse } from '../../contract/account';
import type { AuthUser } from '../../contract/auth';
import type { AnswerValue } from '../../contract/questionnaire';
import type { AppDeps } from '../../deps';
import { BadRequestError, NotFoundError, UnauthorizedError } from '../../platform/http/errors';
import { currentLogger } from '../../platform/observability/logger';
import { assessmentPrefix, toDocumentView } from '../documents/shared';
import * as repo from './repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const wrongPassword = () =>
  new BadRequestError('Password is incorrect.', [{ path: 'password', message: 'Password is incorrect.' }]);

/** The account itself: export everything, or delete everything. */
export function accountService(deps: Pick<AppDeps, 'db' | 'storage' | 'identity' | 'logger' | 'clock'>) {
  const { db } = deps.db;
  const now = deps.clock ?? (() => new Date());

  return {
    async export(userId: string): Promise<ExportResponse> {
      const user = await repo.findUser(db, userId);
      if (!user) throw new NotFoundError('Account not found.');
      const data = await repo.assessmentsWithData(db, userId);
      return {
        exportedAt: now().toISOString(),
        user: {
          id: user.id,
          email: user.email,
          companyName: user.companyName,
          industry: user.industry,
          createdAt: user.createdAt.toISOString(),
        },
        assessments: data.map(({ row, responses, documents }) => ({
          id: row.id,
          name: row.name,
          status: row.status,
          version: row.version,
          createdAt: row.createdAt.toISOString(),
          updatedAt: row.updatedAt.toISOString(),
          submittedAt: iso(row.submittedAt),
          responses: Object.fromEntries(responses.map((r) => [r.questionId, r.responseValue as AnswerValue])),
          triageResults:
            (row.triageResults as ExportResponse['assessments'][number]['triageResults']) ?? null,
          documents: documents.map(toDocumentView),
        })),
      };
    },

    /**
     * Deletes the account after the password is re-entered. Order matters for a retry: the stored
     * objects and rows go first (in one transaction, the assessments locked), the Cognito user last.
     * If Cognito then fails, the person can still log in (which recreates an empty row) and delete
     * again; the other order could strand rows no one can reach.
     */
    async remove(user: AuthUser, password: string): Promise<void> {
      let accessToken: string;
      try {
        ({ accessToken } = await deps.identity.login(user.email, password));
      } catch (err) {
        if (err instanceof UnauthorizedError) throw wrongPassword();
        throw err;
      }
      // The token must belong to this user, not to another Cognito user with the same password.
      const { sub } = await deps.identity.verifyAccessToken(accessToken);
      const owner = await repo.findUser(db, user.id);
      if (!owner || owner.cognitoSub !== sub) throw wrongPassword();
      const { assessments, objects } = await db.transaction(async (tx) => {
        const ids = await repo.lockAssessmentIds(tx, user.id);
        let removed = 0;
        for (const id of ids) removed += await deps.storage.removeAll(assessmentPrefix(id));
        await repo.deleteUserRows(tx, user.id, ids);
        return { assessments: ids.length, objects: removed };
      });
      await deps.identity.deleteUser(accessToken);
      // An audit line without personal data: the id no longer resolves to anyone.
      currentLogger(deps.logger).info('Account deleted', { userId: user.id, assessments, objects });
    },
  };
}
export type AccountService = ReturnType<typeof accountService>;
