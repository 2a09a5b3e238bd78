import { type Request, Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppDeps } from '../../deps';
import { TooManyRequestsError } from '../../platform/http/errors';
import { parseBody } from '../../platform/http/validate';
import {
  authenticate,
  clearSessionCookie,
  currentUser,
  readBearerToken,
  readSessionId,
  setSessionCookie,
} from './middleware';
import { passwordRoutes } from './password-routes';
import { passwordService } from './password-service';
import { confirmRequest, loginRequest, registerRequest } from './schema';
import type { AuthService } from './service';

function limiter(
  deps: AppDeps,
  limit: number,
  key: (req: Request) => string,
  skip: (req: Request) => boolean = () => false,
) {
  return rateLimit({
    skip,
    windowMs: deps.config.rateLimit.authWindowSeconds * 1000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: key,
    handler: (_req, _res, next) =>
      next(new TooManyRequestsError('Too many attempts. Wait a few minutes and try again.')),
  });
}

export function authRoutes(deps: AppDeps, auth: AuthService): Router {
  const router = Router();
  const ip = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');
  // Per client address for all auth calls, and per address and account for logins (brute force).
  // Signing out and asking who one is never lock a user out, however limited their address is.
  const unlimited = (req: Request) => req.path === '/logout' || req.path === '/me';
  router.use(limiter(deps, deps.config.rateLimit.authMax * 5, ip, unlimited));
  const loginLimiter = limiter(deps, deps.config.rateLimit.authMax, (req) => {
    const email = typeof req.body?.email === 'string' ? req.body.email.toLowerCase().slice(0, 254) : '';
    return `${ip(req)}|${email}`;
  });

  router.post('/register', async (req, res) => {
    const input = parseBody(req, registerRequest);
    res.status(201).json(await auth.register(input));
  });

  router.post('/confirm', async (req, res) => {
    const input = parseBody(req, confirmRequest);
    await auth.confirm(input.email, input.code);
    res.status(204).end();
  });

  router.post('/login', loginLimiter, async (req, res) => {
    const input = parseBody(req, loginRequest);
    const result = await auth.login(input.email, input.password);
    setSessionCookie(req, res, result.session.id, result.session.maxAgeSeconds);
    res.json({
      accessToken: result.accessToken,
      idToken: result.idToken,
      expiresIn: result.expiresIn,
      tokenType: 'Bearer',
      user: result.user,
    });
  });

  // Codes and passwords share the login's per-address-and-account limit.
  router.use(passwordRoutes(auth, passwordService(deps), loginLimiter));

  router.post('/logout', async (req, res) => {
    await auth.logout({ sessionId: readSessionId(req), accessToken: readBearerToken(req) });
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  router.get('/me', authenticate(auth), (req, res) => {
    res.json(currentUser(req));
  });

  return router;
}
