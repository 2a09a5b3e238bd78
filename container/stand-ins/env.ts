import type { StaticCredentials } from '../../functions/api/platform/aws/client-settings';

/** Where the stand-ins answer: what a runtime needs to be pointed at them. */
export interface StandInEndpoints {
  s3: { endpoint: string; bucket: string };
  cognito: { endpoint: string; userPoolId: string; clientId: string };
  /** The EventBridge PutEvents stand-in; without it events stay on the in-process bus. */
  eventBridge?: string;
}

/**
 * The credentials every stand-in accepts: s3rver's one key pair (it checks signatures);
 * cognito-local and the EventBridge stand-in accept any. In AWS the role's credentials are used.
 */
export const STAND_IN_CREDENTIALS: StaticCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * The environment that points a runtime at the stand-ins (sign-ups auto-confirmed), credentials
 * included, for a process that reads its config and credentials from the environment (the bundle).
 */
export function standInEnv(
  s3: StandInEndpoints['s3'],
  cognito: StandInEndpoints['cognito'],
  eventBridge?: string,
): Record<string, string> {
  return {
    DOCUMENTS_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    COGNITO_ENDPOINT: cognito.endpoint,
    COGNITO_USER_POOL_ID: cognito.userPoolId,
    COGNITO_CLIENT_ID: cognito.clientId,
    AUTO_CONFIRM_SIGNUPS: 'true',
    ...(eventBridge ? { EVENTBRIDGE_ENDPOINT: eventBridge } : {}),
    AWS_ACCESS_KEY_ID: STAND_IN_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: STAND_IN_CREDENTIALS.secretAccessKey,
  };
}

/**
 * A complete cloud environment on paper: enough for config to pass, nothing reachable. For a bundle
 * started without AWS or stand-ins (the container tests, the cold-start bench).
 */
export function paperCloudEnvFor(origin: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    AWS_REGION: 'eu-west-2',
    DB_HOST: 'proxy.example.internal',
    DB_NAME: 'scalemap',
    DB_USER: 'scalemap_app',
    DOCUMENTS_BUCKET: 'scalemap-documents',
    COGNITO_USER_POOL_ID: 'eu-west-2_abc123',
    COGNITO_CLIENT_ID: 'client123',
    EVENT_BUS_NAME: 'scalemap',
    ALLOWED_ORIGINS: origin,
  };
}
