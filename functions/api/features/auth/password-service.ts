import type { AuthUser } from '../../contract/auth';
import type { AppDeps } from '../../deps';
import { BadRequestError, UnauthorizedError } from '../../platform/http/errors';
import * as repo from './password-repository';
import { hashSessionId } from './service';

/** Confirmation codes and passwords: everything Cognito does by e-mail code or re-authentication. */
export function passwordService(deps: AppDeps) {
  const { db } = deps.db;

  return {
    resendConfirmation(email: string) {
      return deps.identity.resendConfirmation(email);
    },

    forgotPassword(email: string) {
      return deps.identity.forgotPassword(email);
    },

    /** Sets the new password, then ends every session: whoever knew the old one is signed out. */
    async resetPassword(email: string, code: string, password: string) {
      await deps.identity.resetPassword(email, code, password);
      await repo.deleteSessionsOfEmail(db, email);
    },

    /**
     * Re-authenticates with the current password (a cookie session holds no Cognito token), changes
     * it, and ends the user's other sessions.
     */
    async changePassword(
      user: AuthUser,
      currentSessionId: string | undefined,
      currentPassword: string,
      newPassword: string,
    ) {
      let accessToken: string;
      try {
        ({ accessToken } = await deps.identity.login(user.email, currentPassword));
      } catch (err) {
        if (!(err instanceof UnauthorizedError)) throw err;
        throw new BadRequestError('Current password is incorrect.', [
          { path: 'currentPassword', message: 'Current password is incorrect.' },
        ]);
      }
      await deps.identity.changePassword(accessToken, currentPassword, newPassword);
      await repo.deleteOtherSessions(db, user.id, currentSessionId && hashSessionId(currentSessionId));
    },
  };
}
export type PasswordService = ReturnType<typeof passwordService>;
