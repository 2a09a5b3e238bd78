import { deleteAssessment, getResults, renameAssessment } from '../../contract/operations/assessments';
import type { OperationRouter } from '../../platform/http/operation-router';
import { currentUser } from '../auth/middleware';
import type { ManageService } from './manage';
import type { ResultsService } from './results';

/** Rename, delete and results. */
export function manageRoutes(
  manage: ManageService,
  results: ResultsService,
  mount: OperationRouter['mount'],
): void {
  mount(renameAssessment, async ({ params, body }, req, res) => {
    res.json(await manage.rename(currentUser(req).id, params.id, body.name));
  });

  mount(deleteAssessment, async ({ params }, req, res) => {
    await manage.remove(currentUser(req).id, params.id);
    res.status(204).end();
  });

  mount(getResults, async ({ params }, req, res) => {
    res.json(await results.results(currentUser(req).id, params.id));
  });
}
