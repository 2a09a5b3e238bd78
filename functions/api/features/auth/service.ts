import { createHash, randomBytes } from 'node:crypto';
import type { AuthUser } from '../../contract/auth';
import type { RegisterRequest } from '../../contract/auth-requests';
import type { AppDeps } from '../../deps';
import { BadRequestError, UnauthorizedError } from '../../platform/http/errors';
import { currentLogger } from '../../platform/observability/logger';
import { openRefreshToken, sealRefreshToken } from './refresh-vault';
import * as repo from './repository';

export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('hex');

/** Cognito access tokens live at most a day: a signed-out login is remembered that long. */
const MAX_ACCESS_TOKEN_SECONDS = 24 * 3600;

export interface LoginResult {
  accessToken: string;
  idToken: string;
  expiresIn: number;
  user: AuthUser;
  session: { id: string; maxAgeSeconds: number };
}

export function authService(
  deps: Pick<AppDeps, 'db' | 'identity' | 'config' | 'metrics' | 'logger' | 'clock'>,
) {
  const { db } = deps.db;
  const now = deps.clock ?? (() => new Date());
  const ttlSeconds = deps.config.session.ttlHours * 3600;

  return {
    async register(input: RegisterRequest) {
      const { sub, confirmed } = await deps.identity.signUp(input.email, input.password);
      const user = await repo.upsertUser(db, {
        cognitoSub: sub,
        email: input.email,
        companyName: input.companyName,
        industry: input.industry,
      });
      return { userId: user.id, email: user.email, confirmationRequired: !confirmed };
    },

    confirm(email: string, code: string) {
      return deps.identity.confirm(email, code);
    },

    async login(email: string, password: string): Promise<LoginResult> {
      let tokens: Awaited<ReturnType<AppDeps['identity']['login']>>;
      try {
        tokens = await deps.identity.login(email, password);
      } catch (err) {
        if (err instanceof UnauthorizedError) deps.metrics.count('LoginFailed');
        throw err;
      }
      const { sub, loginId } = await deps.identity.verifyAccessToken(tokens.accessToken);
      // A Cognito user whose row was never written (register failed half-way) gets one now.
      const user =
        (await repo.findUserBySub(db, sub)) ??
        (await repo.upsertUser(db, { cognitoSub: sub, email, companyName: '', industry: '' }));
      const id = randomBytes(32).toString('base64url');
      const at = now();
      await repo.createSession(db, hashSessionId(id), user.id, new Date(at.getTime() + ttlSeconds * 1000), {
        loginId,
        ...(tokens.refreshToken ? { refreshToken: sealRefreshToken(id, tokens.refreshToken) } : {}),
      });
      await repo.deleteExpiredSessions(db, user.id, at);
      const { refreshToken: _kept, ...sent } = tokens;
      return { ...sent, user, session: { id, maxAgeSeconds: ttlSeconds } };
    },

    /**
     * Ends the login behind the cookie and/or the Bearer token: the session row goes, the login's
     * access tokens are refused from now on, and its refresh token is revoked at Cognito.
     */
    async logout(credentials: { sessionId?: string; accessToken?: string }) {
      const loginIds: string[] = [];
      let refreshToken: string | undefined;
      if (credentials.sessionId) {
        const session = await repo.takeSession(db, hashSessionId(credentials.sessionId));
        if (session?.loginId) loginIds.push(session.loginId);
        if (session?.refreshToken)
          refreshToken = openRefreshToken(credentials.sessionId, session.refreshToken);
      }
      if (credentials.accessToken) {
        // An invalid or expired token has nothing left to end.
        const verified = await deps.identity
          .verifyAccessToken(credentials.accessToken)
          .catch(() => undefined);
        if (verified) {
          loginIds.push(verified.loginId);
          await repo.deleteSessionsOfLogin(db, verified.loginId);
        }
      }
      if (loginIds.length === 0) return;
      const at = now();
      await repo.revokeLogins(
        db,
        [...new Set(loginIds)],
        new Date(at.getTime() + MAX_ACCESS_TOKEN_SECONDS * 1000),
        at,
      );
      // Our own check above already refuses the tokens; Cognito's revocation also stops them at
      // Cognito's APIs. If Cognito stumbles, signing out here still holds.
      if (refreshToken) {
        await deps.identity
          .revokeRefreshToken(refreshToken)
          .catch((error: Error) =>
            currentLogger(deps.logger).warn('Refresh token not revoked at Cognito', { error }),
          );
      }
    },

    /** The user behind a session cookie value, if the session is live. */
    userForSession(sessionId: string) {
      return repo.findSessionUser(db, hashSessionId(sessionId), now());
    },

    /** The user behind a verified Cognito access token. */
    async userForAccessToken(token: string) {
      const { sub, loginId } = await deps.identity.verifyAccessToken(token);
      const found = await repo.findUserForLogin(db, sub, loginId);
      if (!found) throw new UnauthorizedError('No ScaleMap account belongs to this token.');
      const { signedOut, ...user } = found;
      if (signedOut) throw new UnauthorizedError('This sign-in has ended. Log in again.');
      return user;
    },
  };
}
export type AuthService = ReturnType<typeof authService>;

/** Confirmation codes and passwords: everything Cognito does by e-mail code or re-authentication. */
export function passwordService(deps: Pick<AppDeps, 'db' | 'identity'>) {
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
