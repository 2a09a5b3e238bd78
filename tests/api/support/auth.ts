import {
  AdminConfirmSignUpCommand,
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TestApp } from '../../support/app';
import type { ProblemBody } from './problem';

export const uniqueEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;

/** A problem body without what differs per request, to compare two refusals. */
export const withoutCorrelation = ({ correlationId: _, ...rest }: ProblemBody) => rest;

export const sessionCookie = (setCookie: string[]) => setCookie.find((c) => /scalemap_session=/.test(c));

/** Acts on the app's Cognito stand-in as an operator (or the e-mailed link) would. */
async function asCognitoAdmin(
  app: TestApp,
  act: (client: CognitoIdentityProviderClient, userPoolId: string) => Promise<unknown>,
) {
  const cognito = new CognitoIdentityProviderClient({
    endpoint: app.cognito.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await act(cognito, app.cognito.userPoolId);
  } finally {
    cognito.destroy();
  }
}

/** Deletes the Cognito user behind `email` (the app's own user row stays). */
export const deleteCognitoUser = (app: TestApp, email: string) =>
  asCognitoAdmin(app, (c, UserPoolId) => c.send(new AdminDeleteUserCommand({ UserPoolId, Username: email })));

/** What the user does by following the e-mailed code (the stand-in keeps codes out of reach). */
export const confirmOutOfBand = (app: TestApp, email: string) =>
  asCognitoAdmin(app, (c, UserPoolId) =>
    c.send(new AdminConfirmSignUpCommand({ UserPoolId, Username: email })),
  );
