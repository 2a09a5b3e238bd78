import { exportResponse } from '../account';
import { deleteAccountRequest } from '../account-requests';
import { defineOperation, json, noContent } from '../operation';

export const exportAccount = defineOperation({
  operationId: 'exportAccount',
  method: 'get',
  path: '/api/account/export',
  tag: 'account',
  summary: 'Everything stored about the user, as a JSON download',
  auth: 'session',
  responses: {
    200: json(exportResponse, 'The export.', {
      'Content-Disposition': {
        description: 'attachment; filename="scalemap-export-YYYY-MM-DD.json"',
        schema: { type: 'string' },
      },
    }),
  },
});

export const deleteAccount = defineOperation({
  operationId: 'deleteAccount',
  method: 'delete',
  path: '/api/account',
  tag: 'account',
  summary: 'Delete the account: the Cognito user, every row and every stored document',
  auth: 'session',
  body: deleteAccountRequest,
  responses: { 204: noContent('Deleted; the session cookie is cleared.') },
});

export const accountOperations = [exportAccount, deleteAccount];
