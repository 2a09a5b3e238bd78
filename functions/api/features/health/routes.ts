import { Router } from 'express';
import type { AppDeps } from '../../deps';
import { checkHealth } from './service';

export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const body = await checkHealth(deps);
    res.setHeader('Cache-Control', 'no-store');
    res.status(body.status === 'healthy' ? 200 : 503).json(body);
  });
  return router;
}
