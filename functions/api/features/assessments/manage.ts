import type { AppDeps } from '../../deps';
import { ConflictError, NotFoundError } from '../../platform/http/errors';
import * as manage from './manage-repository';
import * as repo from './repository';

/** Where an assessment's documents live in S3 (see the documents feature's keys). */
export const assessmentPrefix = (id: string) => `assessments/${id}/`;

/** Naming and deleting assessments. */
export function manageService(deps: AppDeps) {
  const { db } = deps.db;
  const now = deps.clock ?? (() => new Date());

  return {
    async rename(userId: string, id: string, name: string) {
      const row = await manage.rename(db, userId, id, name, now());
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
        await manage.deleteAssessment(tx, id);
      });
    },
  };
}
export type ManageService = ReturnType<typeof manageService>;
