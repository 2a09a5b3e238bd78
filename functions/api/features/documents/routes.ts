import {
  completeDocument,
  createDocument,
  deleteDocument,
  downloadDocument,
} from '../../contract/operations/documents';
import type { OperationRouter } from '../../platform/http/operation-router';
import { currentUser } from '../auth/middleware';
import type { DocumentService } from './service';

export function documentRoutes(service: DocumentService, mount: OperationRouter['mount']): void {
  mount(createDocument, async ({ params, body }, req, res) => {
    res.status(201).json(await service.create(currentUser(req).id, params.id, body));
  });

  mount(completeDocument, async ({ params }, req, res) => {
    res.json(await service.complete(currentUser(req).id, params.id, params.docId));
  });

  mount(downloadDocument, async ({ params }, req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await service.download(currentUser(req).id, params.id, params.docId));
  });

  mount(deleteDocument, async ({ params }, req, res) => {
    await service.remove(currentUser(req).id, params.id, params.docId);
    res.status(204).end();
  });
}
