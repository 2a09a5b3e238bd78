import { deleteAccount, exportAccount } from '../../contract/operations/account';
import type { OperationRouter } from '../../platform/http/operation-router';
import { clearSessionCookie, currentUser } from '../auth/middleware';
import type { AccountService } from './service';

export function accountRoutes(account: AccountService, mount: OperationRouter['mount']): void {
  mount(exportAccount, async (_input, req, res) => {
    const body = await account.export(currentUser(req).id);
    const day = body.exportedAt.slice(0, 10);
    res.setHeader('Content-Disposition', `attachment; filename="scalemap-export-${day}.json"`);
    res.json(body);
  });

  mount(deleteAccount, async ({ body }, req, res) => {
    await account.remove(currentUser(req), body.password);
    clearSessionCookie(req, res);
    res.status(204).end();
  });
}
