import {
  createAssessment,
  deleteAssessment,
  getAssessment,
  getResults,
  listAssessments,
  renameAssessment,
  saveResponses,
  submitAssessment,
} from '../../contract/operations/assessments';
import { BadRequestError } from '../../platform/http/errors';
import type { OperationRouter } from '../../platform/http/operation-router';
import { currentUser } from '../auth/middleware';
import { pageOf } from './list-query';
import type { ResultsService } from './results';
import { type AssessmentService, parseIfMatch } from './service';

const dangerousKeys = new Set(['__proto__', 'constructor', 'prototype']);

export function assessmentRoutes(
  service: AssessmentService,
  results: ResultsService,
  mount: OperationRouter['mount'],
): void {
  mount(createAssessment, async ({ body }, req, res) => {
    res.status(201).json(await service.create(currentUser(req).id, body.name));
  });

  mount(listAssessments, async ({ query }, req, res) => {
    res.json(await service.list(currentUser(req).id, pageOf(query)));
  });

  mount(getAssessment, async ({ params }, req, res) => {
    const detail = await service.get(currentUser(req).id, params.id);
    // The strong ETag is the version PUT's If-Match expects. Documents change without a new version,
    // so a conditional GET is not answered 304: the client always gets the current list. Deleted
    // only when present: a delete on every request turns the headers object into a slow dictionary.
    if (req.headers['if-none-match'] !== undefined) delete req.headers['if-none-match'];
    res.setHeader('ETag', `"${detail.version}"`);
    res.json(detail);
  });

  mount(
    saveResponses,
    async ({ params, body, headers }, req, res) => {
      const expected = parseIfMatch(headers['if-match']);
      const out = await service.saveResponses(currentUser(req).id, params.id, body.responses, expected);
      res.setHeader('ETag', `"${out.version}"`);
      res.json(out);
    },
    {
      guard: (req) => {
        const raw = (req.body as { responses?: unknown } | undefined)?.responses;
        if (raw && typeof raw === 'object' && Object.keys(raw).some((k) => dangerousKeys.has(k))) {
          throw new BadRequestError('Unknown question id.', [
            { path: 'responses', message: 'Unknown question.' },
          ]);
        }
      },
    },
  );

  mount(submitAssessment, async ({ params }, req, res) => {
    res.json(await service.submit(currentUser(req).id, params.id));
  });

  mount(renameAssessment, async ({ params, body }, req, res) => {
    res.json(await service.rename(currentUser(req).id, params.id, body.name));
  });

  mount(deleteAssessment, async ({ params }, req, res) => {
    await service.remove(currentUser(req).id, params.id);
    res.status(204).end();
  });

  mount(getResults, async ({ params }, req, res) => {
    res.json(await results.results(currentUser(req).id, params.id));
  });
}
