import { Router } from 'express';
import { NotFoundError } from '../../platform/http/errors';
import { parseBody, parseParams } from '../../platform/http/validate';
import { assessmentId } from '../assessments/schema';
import { currentUser } from '../auth/middleware';
import { createDocumentRequest, documentParams } from './schema';
import type { DocumentService } from './service';

const notFound = () => new NotFoundError('Document not found.');

/** Mounted at /api/assessments/:id/documents. */
export function documentRoutes(service: DocumentService): Router {
  const router = Router({ mergeParams: true });

  router.post('/', async (req, res) => {
    const { id } = parseParams(req, assessmentId, () => new NotFoundError('Assessment not found.'));
    const input = parseBody(req, createDocumentRequest);
    res.status(201).json(await service.create(currentUser(req).id, id, input));
  });

  router.post('/:docId/complete', async (req, res) => {
    const { id, docId } = parseParams(req, documentParams, notFound);
    res.json(await service.complete(currentUser(req).id, id, docId));
  });

  router.get('/:docId/download', async (req, res) => {
    const { id, docId } = parseParams(req, documentParams, notFound);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await service.download(currentUser(req).id, id, docId));
  });

  router.delete('/:docId', async (req, res) => {
    const { id, docId } = parseParams(req, documentParams, notFound);
    await service.remove(currentUser(req).id, id, docId);
    res.status(204).end();
  });

  return router;
}
