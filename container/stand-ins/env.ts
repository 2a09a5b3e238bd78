import type { CognitoStandIn } from './cognito';
import type { S3StandIn } from './s3';

/** The config variables that point the app at the S3 and Cognito stand-ins (sign-ups auto-confirmed). */
export function standInEnv(s3: S3StandIn, cognito: CognitoStandIn): Record<string, string> {
  return {
    DOCUMENTS_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    COGNITO_ENDPOINT: cognito.endpoint,
    COGNITO_USER_POOL_ID: cognito.userPoolId,
    COGNITO_CLIENT_ID: cognito.clientId,
    AUTO_CONFIRM_SIGNUPS: 'true',
  };
}
