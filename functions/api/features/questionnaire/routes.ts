import { getQuestionnaire } from '../../contract/operations/public';
import type { OperationRouter } from '../../platform/http/operation-router';
import { publicQuestionnaire } from './service';

/** The questionnaire is public and the same for everyone: cacheable. */
export function questionnaireRoutes(mount: OperationRouter['mount']): void {
  const body = JSON.stringify(publicQuestionnaire);
  mount(getQuestionnaire, (_input, _req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/json').send(body);
  });
}
