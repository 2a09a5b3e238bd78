import { Router } from 'express';
import { parseBody } from '../../platform/http/validate';
import { clearSessionCookie, currentUser } from '../auth/middleware';
import { deleteAccountRequest } from './schema';
import type { AccountService } from './service';

export function accountRoutes(account: AccountService): Router {
  const router = Router();

  router.get('/export', async (req, res) => {
    const body = await account.export(currentUser(req).id);
    const day = body.exportedAt.slice(0, 10);
    res.setHeader('Content-Disposition', `attachment; filename="scalemap-export-${day}.json"`);
    res.json(body);
  });

  router.delete('/', async (req, res) => {
    const { password } = parseBody(req, deleteAccountRequest);
    await account.remove(currentUser(req), password);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  return router;
}
