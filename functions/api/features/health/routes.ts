import { getHealth } from '../../contract/operations/public';
import type { OperationRouter } from '../../platform/http/operation-router';
import { checkHealth } from './service';

export function healthRoutes(deps: Parameters<typeof checkHealth>[0], mount: OperationRouter['mount']): void {
  mount(getHealth, async (_input, _req, res) => {
    const body = await checkHealth(deps);
    res.setHeader('Cache-Control', 'no-store');
    res.status(body.status === 'healthy' ? 200 : 503).json(body);
  });
}
