import { parseCookie } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import type { Config } from '../../config';
import { ForbiddenError, UnauthorizedError } from '../../platform/http/errors';
import type { AuthService } from './service';

const PLAIN_COOKIE = 'scalemap_session';
/** Over HTTPS the cookie is `__Host-` prefixed: Secure, host-only, Path=/. */
const HOST_COOKIE = `__Host-${PLAIN_COOKIE}`;

export function sessionCookieName(req: Request): string {
  return req.secure ? HOST_COOKIE : PLAIN_COOKIE;
}

export function readSessionId(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  // Over HTTPS only the __Host- cookie counts: a plain one could have been planted by a sibling
  // subdomain or over plain HTTP, where the prefix's guarantees do not hold.
  const value = parseCookie(header)[sessionCookieName(req)];
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}

export function setSessionCookie(req: Request, res: Response, id: string, maxAgeSeconds: number): void {
  res.cookie(sessionCookieName(req), id, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/',
    maxAge: maxAgeSeconds * 1000,
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(sessionCookieName(req), {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/',
  });
}

/** The token of a well-formed `Authorization: Bearer <token>` header, if there is one. */
export function readBearerToken(req: Request): string | undefined {
  return /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(req.get('authorization') ?? '')?.[1];
}

/** Resolves the user from a Bearer access token or the session cookie; 401 when neither is valid. */
export function authenticate(auth: AuthService): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get('authorization');
    if (header) {
      const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
      if (!match?.[1])
        throw new UnauthorizedError('The Authorization header must be "Bearer <access token>".');
      req.user = await auth.userForAccessToken(match[1]);
      req.authMethod = 'bearer';
      return next();
    }
    const sessionId = readSessionId(req);
    if (!sessionId) throw new UnauthorizedError();
    const user = await auth.userForSession(sessionId);
    if (!user) throw new UnauthorizedError('Your session has expired. Log in again.');
    req.user = user;
    req.authMethod = 'cookie';
    next();
  };
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence in depth (the cookie is already SameSite=Strict): an unsafe request that is not
 * Bearer-authenticated and carries a foreign `Origin` is refused.
 */
export function originCheck(config: Config): RequestHandler {
  const allowed = new Set(config.allowedOrigins.map((o) => new URL(o).origin));
  return (req, _res, next) => {
    if (safeMethods.has(req.method) || req.get('authorization')) return next();
    const origin = req.get('origin');
    if (!origin) return next();
    const own = `${req.protocol}://${req.get('host')}`;
    if (origin === own || allowed.has(origin)) return next();
    next(new ForbiddenError(`Requests from ${origin.slice(0, 100)} are not allowed.`));
  };
}

/** The authenticated user; only call after `authenticate`. */
export function currentUser(req: Request) {
  if (!req.user) throw new UnauthorizedError();
  return req.user;
}
