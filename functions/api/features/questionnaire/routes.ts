import { Router } from 'express';
import { publicQuestionnaire } from './service';

/** The questionnaire is public and the same for everyone: cacheable. */
export function questionnaireRoutes(): Router {
  const router = Router();
  const body = JSON.stringify(publicQuestionnaire);
  router.get('/', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/json').send(body);
  });
  return router;
}
