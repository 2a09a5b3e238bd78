/**
 * What the app needs from Cognito, and the factory the composition root calls. The Cognito SDK and
 * aws-jwt-verify (cognito.ts) load on the first call, not at init: only the auth routes use them.
 */
import type { Config } from '../../config';
import { deferred } from '../../runtime/deferred';
import type { StaticCredentials } from '../aws/client-settings';

export interface Tokens {
  accessToken: string;
  idToken: string;
  expiresIn: number;
  /** Never sent to clients: kept sealed with the session, so logout can revoke it. */
  refreshToken?: string;
}

/** Who a verified access token belongs to, and which login issued it. */
export interface VerifiedToken {
  sub: string;
  /** The login (`origin_jti`; `jti` where the issuer sets no origin_jti, as cognito-local). */
  loginId: string;
}

/** What the app needs from Cognito. */
export interface Identity {
  signUp(email: string, password: string): Promise<{ sub: string; confirmed: boolean }>;
  confirm(email: string, code: string): Promise<void>;
  login(email: string, password: string): Promise<Tokens>;
  /** Verifies a Cognito access token (signature, expiry, issuer, client, token_use). */
  verifyAccessToken(token: string): Promise<VerifiedToken>;
  /** Revokes a refresh token, and with it, at Cognito, the access tokens it issued. */
  revokeRefreshToken(token: string): Promise<void>;
  /** Sends a new sign-up code; silent when the account is unknown or confirmed (no enumeration). */
  resendConfirmation(email: string): Promise<void>;
  /** Sends a password-reset code; silent when the account is unknown (no enumeration). */
  forgotPassword(email: string): Promise<void>;
  /** Sets a new password with the reset code; a wrong, expired or unknown code is a 400 on `code`. */
  resetPassword(email: string, code: string, password: string): Promise<void>;
  /** Changes the password of the user the access token belongs to. */
  changePassword(accessToken: string, previous: string, proposed: string): Promise<void>;
  /** Deletes the Cognito user the access token belongs to. */
  deleteUser(accessToken: string): Promise<void>;
  ping(): Promise<void>;
}

const methods: readonly (keyof Identity)[] = [
  'signUp',
  'confirm',
  'login',
  'verifyAccessToken',
  'revokeRefreshToken',
  'resendConfirmation',
  'forgotPassword',
  'resetPassword',
  'changePassword',
  'deleteUser',
  'ping',
];

/** Identity over Cognito; each client is captured by `capture` (X-Ray) once it exists. */
export function createIdentity(
  config: Config,
  capture: <T>(client: T) => T = (c) => c,
  credentials?: StaticCredentials,
): Identity {
  return deferred(methods, async () =>
    (await import('./cognito')).createCognitoIdentity(config, capture, credentials),
  );
}
