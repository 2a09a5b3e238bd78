import type { RequestHandler } from 'express';
import {
  changePassword,
  forgotPassword,
  resendConfirmation,
  resetPassword,
} from '../../contract/operations/auth';
import type { OperationRouter } from '../../platform/http/operation-router';
import { currentUser, readSessionId } from './middleware';
import type { PasswordService } from './password-service';

/**
 * Codes and passwords, behind the auth rate limit. The public calls answer 204 whether or not the
 * account exists.
 */
export function passwordRoutes(
  passwords: PasswordService,
  mount: OperationRouter['mount'],
  limit: RequestHandler,
): void {
  const limited = { use: [limit] };

  mount(
    resendConfirmation,
    async ({ body }, _req, res) => {
      await passwords.resendConfirmation(body.email);
      res.status(204).end();
    },
    limited,
  );

  mount(
    forgotPassword,
    async ({ body }, _req, res) => {
      await passwords.forgotPassword(body.email);
      res.status(204).end();
    },
    limited,
  );

  mount(
    resetPassword,
    async ({ body }, _req, res) => {
      await passwords.resetPassword(body.email, body.code, body.password);
      res.status(204).end();
    },
    limited,
  );

  mount(
    changePassword,
    async ({ body }, req, res) => {
      await passwords.changePassword(
        currentUser(req),
        readSessionId(req),
        body.currentPassword,
        body.newPassword,
      );
      res.status(204).end();
    },
    limited,
  );
}
