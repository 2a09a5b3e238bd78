import type { AuthUser } from '../../contract/auth';

declare global {
  namespace Express {
    interface Request {
      correlationId: string;
      /** Set by the authenticate middleware. */
      user?: AuthUser;
      /** How the user authenticated: cookie-authenticated unsafe requests get the Origin check. */
      authMethod?: 'cookie' | 'bearer';
    }
  }
}
