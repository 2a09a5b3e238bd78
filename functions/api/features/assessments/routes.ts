import { Router } from 'express';
import { BadRequestError, NotFoundError } from '../../platform/http/errors';
import { parseBody, parseParams } from '../../platform/http/validate';
import { currentUser } from '../auth/middleware';
import { parseListQuery } from './list-query';
import { assessmentId, createAssessmentRequest, saveResponsesRequest } from './schema';
import { type AssessmentService, parseIfMatch } from './service';

const notFound = () => new NotFoundError('Assessment not found.');
const dangerousKeys = new Set(['__proto__', 'constructor', 'prototype']);

export function assessmentRoutes(service: AssessmentService): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const { name } = parseBody(req, createAssessmentRequest);
    res.status(201).json(await service.create(currentUser(req).id, name));
  });

  router.get('/', async (req, res) => {
    const page = parseListQuery(req.query);
    res.json(await service.list(currentUser(req).id, page));
  });

  router.get('/:id', async (req, res) => {
    const { id } = parseParams(req, assessmentId, notFound);
    const detail = await service.get(currentUser(req).id, id);
    // The strong ETag is the version PUT's If-Match expects. Documents change without a new version,
    // so a conditional GET is not answered 304: the client always gets the current list.
    delete req.headers['if-none-match'];
    res.setHeader('ETag', `"${detail.version}"`);
    res.json(detail);
  });

  router.put('/:id/responses', async (req, res) => {
    const { id } = parseParams(req, assessmentId, notFound);
    const raw = (req.body as { responses?: unknown } | undefined)?.responses;
    if (raw && typeof raw === 'object' && Object.keys(raw).some((k) => dangerousKeys.has(k))) {
      throw new BadRequestError('Unknown question id.', [
        { path: 'responses', message: 'Unknown question.' },
      ]);
    }
    const { responses } = parseBody(req, saveResponsesRequest);
    const expected = parseIfMatch(req.get('if-match'));
    const out = await service.saveResponses(currentUser(req).id, id, responses, expected);
    res.setHeader('ETag', `"${out.version}"`);
    res.json(out);
  });

  router.post('/:id/submit', async (req, res) => {
    const { id } = parseParams(req, assessmentId, notFound);
    res.json(await service.submit(currentUser(req).id, id));
  });

  return router;
}
