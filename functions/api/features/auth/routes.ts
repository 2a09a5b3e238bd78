import type { Request, RequestHandler } from 'express';
import type { Config } from '../../config';
import {
  changePassword,
  confirm,
  forgotPassword,
  login,
  logout,
  me,
  register,
  resendConfirmation,
  resetPassword,
} from '../../contract/operations/auth';
import { TooManyRequestsError } from '../../platform/http/errors';
import type { OperationRouter } from '../../platform/http/operation-router';
import { once } from '../../runtime/deferred';
import {
  clearSessionCookie,
  currentUser,
  readBearerToken,
  readSessionId,
  setSessionCookie,
} from './middleware';
import type { AuthService, PasswordService } from './service';

/**
 * A rate limiter built on the first request that reaches it: express-rate-limit and the IPv6 address
 * code under it are loaded then (a chunk of their own), not at a cold start, whose first request is
 * rarely an auth call. Requests `skip` names never load it.
 */
function limiter(
  limits: Config['rateLimit'],
  limit: number,
  key: (req: Request, ipKey: (ip: string) => string) => string,
  skip: (req: Request) => boolean = () => false,
): RequestHandler {
  const handler = once(async () => {
    const { ipKeyGenerator, rateLimit } = await import('express-rate-limit');
    return rateLimit({
      skip,
      windowMs: limits.authWindowSeconds * 1000,
      limit,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (req) => key(req, ipKeyGenerator),
      handler: (_req, _res, next) =>
        next(new TooManyRequestsError('Too many attempts. Wait a few minutes and try again.')),
    });
  });
  return (req, res, next) => {
    if (skip(req)) return next();
    // A failed load, or a limiter that rejects, reaches Express's error handling.
    handler()
      .then((limit) => limit(req, res, next))
      .catch(next);
  };
}

export function authRoutes(
  limits: Config['rateLimit'],
  auth: AuthService,
  passwords: PasswordService,
  { router, mount }: OperationRouter,
): void {
  const ip = (req: Request, ipKey: (ip: string) => string) => ipKey(req.ip ?? 'unknown');
  // Per client address for all auth calls, and per address and account for logins (brute force).
  // Signing out and asking who one is never lock a user out, however limited their address is.
  const unlimited = (req: Request) => req.path === '/logout' || req.path === '/me';
  router.use('/auth', limiter(limits, limits.authMax * 5, ip, unlimited));
  const loginLimiter = limiter(limits, limits.authMax, (req, ipKey) => {
    const email = typeof req.body?.email === 'string' ? req.body.email.toLowerCase().slice(0, 254) : '';
    return `${ip(req, ipKey)}|${email}`;
  });

  mount(register, async ({ body }, _req, res) => {
    res.status(201).json(await auth.register(body));
  });

  mount(confirm, async ({ body }, _req, res) => {
    await auth.confirm(body.email, body.code);
    res.status(204).end();
  });

  mount(
    login,
    async ({ body }, req, res) => {
      const result = await auth.login(body.email, body.password);
      setSessionCookie(req, res, result.session.id, result.session.maxAgeSeconds);
      res.json({
        accessToken: result.accessToken,
        idToken: result.idToken,
        expiresIn: result.expiresIn,
        tokenType: 'Bearer',
        user: result.user,
      });
    },
    { use: [loginLimiter] },
  );

  // Codes and passwords share the login's per-address-and-account limit.
  passwordRoutes(passwords, mount, loginLimiter);

  mount(logout, async (_input, req, res) => {
    await auth.logout({ sessionId: readSessionId(req), accessToken: readBearerToken(req) });
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  mount(me, (_input, req, res) => {
    res.json(currentUser(req));
  });
}

/**
 * Codes and passwords, behind the auth rate limit. The public calls answer 204 whether or not the
 * account exists.
 */
function passwordRoutes(
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
