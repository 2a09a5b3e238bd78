import {
  AdminConfirmSignUpCommand,
  ChangePasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  DeleteUserCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Config } from '../../config';
import { clientSettings, type StaticCredentials } from '../aws/client-settings';
import { BadRequestError, UnauthorizedError } from '../http/errors';
import {
  invalidCredentials,
  isAccountSpecific,
  isCognitoError,
  mapCognitoError,
  wrongCode,
} from './cognito-errors';
import type { Identity } from './identity';

/** Identity over Cognito: loaded by identity.ts on first use, with the SDK and aws-jwt-verify. */
export function createCognitoIdentity(
  config: Config,
  capture: <T>(client: T) => T = (c) => c,
  credentials?: StaticCredentials,
): Identity {
  const { userPoolId, clientId, endpoint, autoConfirm } = config.cognito;
  const timeout = config.dependencyTimeoutMs;
  const client = capture(new CognitoIdentityProviderClient(clientSettings(config, endpoint, credentials)));
  const issuer = endpoint
    ? `${endpoint.replace(/\/$/, '')}/${userPoolId}`
    : `https://cognito-idp.${config.region}.amazonaws.com/${userPoolId}`;
  const jwksUri = `${issuer}/.well-known/jwks.json`;
  const fetchJwks = async (uri: string) => {
    const res = await fetch(uri, { signal: AbortSignal.timeout(timeout) });
    if (!res.ok) throw new Error(`JWKS fetch failed with ${res.status}`);
    return res.arrayBuffer();
  };
  // The JWKS is cached after the first fetch; a stumbling Cognito does not affect verification.
  const jwksCache = new SimpleJwksCache({ fetcher: { fetch: fetchJwks } });
  const verifier = endpoint
    ? // The local stand-in issues tokens from an http: issuer, which CognitoJwtVerifier refuses.
      JwtVerifier.create(
        {
          issuer,
          jwksUri,
          audience: null,
          customJwtCheck: ({ payload }) => {
            if (payload.token_use !== 'access') throw new Error('Not an access token');
            if (payload.client_id !== clientId) throw new Error('Token is for another client');
          },
        },
        { jwksCache },
      )
    : CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'access' }, { jwksCache });

  return {
    async signUp(email, password) {
      try {
        const out = await client.send(
          new SignUpCommand({
            ClientId: clientId,
            Username: email,
            Password: password,
            UserAttributes: [{ Name: 'email', Value: email }],
          }),
        );
        let confirmed = out.UserConfirmed ?? false;
        if (!confirmed && autoConfirm) {
          await client.send(new AdminConfirmSignUpCommand({ UserPoolId: userPoolId, Username: email }));
          confirmed = true;
        }
        return { sub: out.UserSub!, confirmed };
      } catch (err) {
        return mapCognitoError(err);
      }
    },
    async confirm(email, code) {
      try {
        await client.send(
          new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }),
        );
      } catch (err) {
        // An unknown or already-confirmed account answers like a wrong code: a 400 that does not
        // reveal whether the account exists (not the login's 401).
        if (isCognitoError(err, 'UserNotFoundException', 'NotAuthorizedException')) {
          throw wrongCode();
        }
        mapCognitoError(err);
      }
    },
    async login(email, password) {
      try {
        const out = await client.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: email, PASSWORD: password },
          }),
        );
        const r = out.AuthenticationResult;
        if (!r?.AccessToken || !r.IdToken) throw invalidCredentials();
        return {
          accessToken: r.AccessToken,
          idToken: r.IdToken,
          expiresIn: r.ExpiresIn ?? 3600,
          ...(r.RefreshToken ? { refreshToken: r.RefreshToken } : {}),
        };
      } catch (err) {
        if (err instanceof UnauthorizedError) throw err;
        // cognito-local answers a wrong password with InvalidPasswordException; Cognito with
        // NotAuthorizedException. Both, and an unknown user, are the same 401.
        if (isCognitoError(err, 'InvalidPasswordException')) {
          throw invalidCredentials();
        }
        return mapCognitoError(err);
      }
    },
    async verifyAccessToken(token) {
      try {
        const payload = await verifier.verify(token);
        const loginId = payload.origin_jti ?? payload.jti;
        if (typeof loginId !== 'string' || !loginId) throw new Error('The token names no login');
        return { sub: String(payload.sub), loginId };
      } catch {
        // Includes a JWKS that cannot be fetched yet: without keys no token can be trusted.
        throw new UnauthorizedError('The access token is invalid or has expired.');
      }
    },
    async revokeRefreshToken(token) {
      try {
        await client.send(new RevokeTokenCommand({ ClientId: clientId, Token: token }));
      } catch (err) {
        mapCognitoError(err);
      }
    },
    async resendConfirmation(email) {
      try {
        await client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: email }));
      } catch (err) {
        if (!isAccountSpecific(err)) mapCognitoError(err);
      }
    },
    async forgotPassword(email) {
      try {
        await client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: email }));
      } catch (err) {
        if (!isAccountSpecific(err)) mapCognitoError(err);
      }
    },
    async resetPassword(email, code, password) {
      try {
        await client.send(
          new ConfirmForgotPasswordCommand({
            ClientId: clientId,
            Username: email,
            ConfirmationCode: code,
            Password: password,
          }),
        );
      } catch (err) {
        // An unknown account answers like a wrong code, so the reset form reveals nothing.
        if (isCognitoError(err, 'UserNotFoundException', 'NotAuthorizedException')) {
          throw wrongCode();
        }
        mapCognitoError(err);
      }
    },
    async changePassword(accessToken, previous, proposed) {
      try {
        await client.send(
          new ChangePasswordCommand({
            AccessToken: accessToken,
            PreviousPassword: previous,
            ProposedPassword: proposed,
          }),
        );
      } catch (err) {
        if (isCognitoError(err, 'InvalidPasswordException', 'InvalidParameterException')) {
          throw new BadRequestError(err.message, [{ path: 'newPassword', message: err.message }]);
        }
        mapCognitoError(err);
      }
    },
    async deleteUser(accessToken) {
      try {
        await client.send(new DeleteUserCommand({ AccessToken: accessToken }));
      } catch (err) {
        mapCognitoError(err);
      }
    },
    async ping() {
      const res = await fetch(jwksUri, { signal: AbortSignal.timeout(timeout) });
      if (!res.ok) throw new Error(`Cognito answered ${res.status}`);
      // Warm the cache so verification survives a later Cognito outage.
      await jwksCache.getJwks(jwksUri).catch(() => undefined);
    },
  };
}
