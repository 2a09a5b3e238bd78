import { type RequestHandler, Router } from 'express';
import { parseBody } from '../../platform/http/validate';
import { authenticate, currentUser, readSessionId } from './middleware';
import {
  changePasswordRequest,
  forgotPasswordRequest,
  resendConfirmationRequest,
  resetPasswordRequest,
} from './password-schema';
import type { PasswordService } from './password-service';
import type { AuthService } from './service';

/**
 * Codes and passwords, mounted inside the auth router (behind its rate limit). The public calls
 * answer 204 whether or not the account exists.
 */
export function passwordRoutes(auth: AuthService, passwords: PasswordService, limit: RequestHandler): Router {
  const router = Router();

  router.post('/resend-confirmation', limit, async (req, res) => {
    const { email } = parseBody(req, resendConfirmationRequest);
    await passwords.resendConfirmation(email);
    res.status(204).end();
  });

  router.post('/forgot-password', limit, async (req, res) => {
    const { email } = parseBody(req, forgotPasswordRequest);
    await passwords.forgotPassword(email);
    res.status(204).end();
  });

  router.post('/reset-password', limit, async (req, res) => {
    const input = parseBody(req, resetPasswordRequest);
    await passwords.resetPassword(input.email, input.code, input.password);
    res.status(204).end();
  });

  router.post('/change-password', authenticate(auth), limit, async (req, res) => {
    const input = parseBody(req, changePasswordRequest);
    await passwords.changePassword(
      currentUser(req),
      readSessionId(req),
      input.currentPassword,
      input.newPassword,
    );
    res.status(204).end();
  });

  return router;
}
