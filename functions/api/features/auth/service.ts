import { createHash, randomBytes } from 'node:crypto';
import type { AppDeps } from '../../deps';
import { UnauthorizedError } from '../../platform/http/errors';
import * as repo from './repository';
import type { AuthUser, RegisterRequest } from './schema';

export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('hex');

export interface LoginResult {
  accessToken: string;
  idToken: string;
  expiresIn: number;
  user: AuthUser;
  session: { id: string; maxAgeSeconds: number };
}

export function authService(deps: AppDeps) {
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
      const { sub } = await deps.identity.verifyAccessToken(tokens.accessToken);
      // A Cognito user whose row was never written (register failed half-way) gets one now.
      const user =
        (await repo.findUserBySub(db, sub)) ??
        (await repo.upsertUser(db, { cognitoSub: sub, email, companyName: '', industry: '' }));
      const id = randomBytes(32).toString('base64url');
      const at = now();
      await repo.createSession(db, hashSessionId(id), user.id, new Date(at.getTime() + ttlSeconds * 1000));
      await repo.deleteExpiredSessions(db, user.id, at);
      return { ...tokens, user, session: { id, maxAgeSeconds: ttlSeconds } };
    },

    async logout(sessionId: string | undefined) {
      if (sessionId) await repo.deleteSession(db, hashSessionId(sessionId));
    },

    /** The user behind a session cookie value, if the session is live. */
    userForSession(sessionId: string) {
      return repo.findSessionUser(db, hashSessionId(sessionId), now());
    },

    /** The user behind a verified Cognito access token. */
    async userForAccessToken(token: string) {
      const { sub } = await deps.identity.verifyAccessToken(token);
      const user = await repo.findUserBySub(db, sub);
      if (!user) throw new UnauthorizedError('No ScaleMap account belongs to this token.');
      return user;
    },
  };
}
export type AuthService = ReturnType<typeof authService>;
