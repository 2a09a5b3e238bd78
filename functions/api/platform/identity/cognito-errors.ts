/** How Cognito's errors become the API's HTTP errors (shared by every identity operation). */
import { CognitoIdentityProviderServiceException } from '@aws-sdk/client-cognito-identity-provider';
import {
  BadRequestError,
  ConflictError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthorizedError,
} from '../http/errors';

/**
 * Cognito errors that only say something about one account (unknown, unconfirmed, already
 * confirmed, throttled for that user): answered like success, so the response reveals nothing.
 */
const accountSpecific = new Set([
  'UserNotFoundException',
  'InvalidParameterException',
  'NotAuthorizedException',
  'LimitExceededException',
  'CodeDeliveryFailureException',
]);
export const isAccountSpecific = (err: unknown) =>
  err instanceof CognitoIdentityProviderServiceException &&
  err.$fault === 'client' &&
  accountSpecific.has(err.name);

export const invalidCredentials = () => new UnauthorizedError('The e-mail or password is incorrect.');
export const wrongCode = () =>
  new BadRequestError('The confirmation code is wrong or has expired.', [
    { path: 'code', message: 'The confirmation code is wrong or has expired.' },
  ]);

/** Maps Cognito's errors to HTTP errors; anything transport-level becomes a fast 503. */
/** Whether `err` is a Cognito error with one of these names. */
export const isCognitoError = (
  err: unknown,
  ...names: string[]
): err is CognitoIdentityProviderServiceException =>
  err instanceof CognitoIdentityProviderServiceException && names.includes(err.name);

export function mapCognitoError(err: unknown): never {
  if (err instanceof CognitoIdentityProviderServiceException && err.$fault === 'client') {
    switch (err.name) {
      case 'UsernameExistsException':
        throw new ConflictError('An account with this e-mail already exists.');
      case 'InvalidPasswordException':
      case 'InvalidParameterException':
        throw new BadRequestError(err.message, [{ path: 'password', message: err.message }]);
      case 'CodeMismatchException':
      case 'ExpiredCodeException':
        throw wrongCode();
      case 'TooManyRequestsException':
      case 'LimitExceededException':
      case 'TooManyFailedAttemptsException':
        throw new TooManyRequestsError('Too many attempts. Wait a minute and try again.');
      case 'UserNotConfirmedException':
        throw new UnauthorizedError('Confirm your e-mail address before logging in.');
      case 'NotAuthorizedException':
      case 'UserNotFoundException':
        throw invalidCredentials();
    }
  }
  throw new ServiceUnavailableError('cognito');
}
