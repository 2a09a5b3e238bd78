import { Router } from 'express';
import { NotFoundError } from '../../platform/http/errors';
import { parseBody, parseParams } from '../../platform/http/validate';
import { currentUser } from '../auth/middleware';
import type { ManageService } from './manage';
import type { ResultsService } from './results';
import { renameAssessmentRequest } from './results-schema';
import { assessmentId } from './schema';

const notFound = () => new NotFoundError('Assessment not found.');

/** Rename, delete and results: mounted next to the assessment routes, behind the same auth. */
export function manageRoutes(manage: ManageService, results: ResultsService): Router {
  const router = Router();

  router.patch('/:id', async (req, res) => {
    const { id } = parseParams(req, assessmentId, notFound);
    const { name } = parseBody(req, renameAssessmentRequest);
    res.json(await manage.rename(currentUser(req).id, id, name));
  });

  router.delete('/:id', async (req, res) => {
    const { id } = parseParams(req, assessmentId, notFound);
    await manage.remove(currentUser(req).id, id);
    res.status(204).end();
  });

  router.get('/:id/results', async (req, res) => {
    const { id } = parseParams(req, assessmentId, notFound);
    res.json(await results.results(currentUser(req).id, id));
  });

  return router;
}
