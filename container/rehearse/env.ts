/**
 * A target's environment as the rehearsal runs it: the synthesized template's variables, with each
 * value that only exists in AWS (a deploy-time reference) swapped for its stand-in, plus what the
 * platform itself provides (Lambda's reserved variables, credentials). A template variable that is
 * not a literal and has no stand-in fails loudly: someone added an AWS resource the rehearsal does not
 * yet stand in for.
 */
import { STAND_IN_CREDENTIALS } from '../stand-ins/env';
import type { CfnValue } from './template';

export interface StandInValues {
  /** The browser origin of the rehearsal's front (stands in for the CloudFront URL). */
  origin: string;
  bucket: string;
  s3Endpoint: string;
  userPoolId: string;
  clientId: string;
  cognitoEndpoint: string;
  eventBusName: string;
  eventBridgeEndpoint: string;
  region: string;
}

/** Template variables whose deploy-time value the rehearsal replaces, and with what. */
const SWAPS: Record<string, (s: StandInValues) => string> = {
  ALLOWED_ORIGINS: (s) => s.origin,
  DOCUMENTS_BUCKET: (s) => s.bucket,
  COGNITO_USER_POOL_ID: (s) => s.userPoolId,
  COGNITO_CLIENT_ID: (s) => s.clientId,
  EVENT_BUS_NAME: (s) => s.eventBusName,
  AWS_REGION: (s) => s.region,
  // The database's own swap comes from database.ts (host, port, CA).
  DB_HOST: () => '127.0.0.1',
};

/** Variables that in AWS are implicit (regional endpoints), pointed at the stand-ins here. */
function endpoints(s: StandInValues): Record<string, string> {
  return {
    S3_ENDPOINT: s.s3Endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    COGNITO_ENDPOINT: s.cognitoEndpoint,
    EVENTBRIDGE_ENDPOINT: s.eventBridgeEndpoint,
    // The Cognito stand-in sends no e-mail: sign-ups are confirmed at once, as in `npm start`.
    AUTO_CONFIRM_SIGNUPS: 'true',
    // Credentials the stand-ins accept; in AWS they come from the function's or task's role.
    AWS_ACCESS_KEY_ID: STAND_IN_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: STAND_IN_CREDENTIALS.secretAccessKey,
  };
}

export class UnmappedVariableError extends Error {
  constructor(readonly keys: string[]) {
    super(
      `the rehearsal has no stand-in for ${keys.join(', ')} (a deploy-time value): add one in container/rehearse/env.ts`,
    );
    this.name = 'UnmappedVariableError';
  }
}

/**
 * @param template the function's or container's variables from the synthesized template
 * @param overrides the database's and the network's swaps, applied last
 */
export function rehearsalEnv(
  template: Record<string, CfnValue>,
  standIns: StandInValues,
  overrides: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {};
  const unmapped: string[] = [];
  for (const [key, value] of Object.entries(template)) {
    const swap = SWAPS[key];
    if (swap) env[key] = swap(standIns);
    else if (typeof value !== 'object') env[key] = String(value);
    else unmapped.push(key);
  }
  if (unmapped.length) throw new UnmappedVariableError(unmapped);
  return { ...env, ...endpoints(standIns), ...overrides };
}

/** What Lambda sets in every execution environment (the runtime interface client needs them). */
export function lambdaPlatformEnv(
  fn: { logicalId: string; memoryMb: number },
  runtimeApi: string,
  region: string,
) {
  const name = `scalemap-rehearsal-${fn.logicalId}`;
  return {
    AWS_LAMBDA_RUNTIME_API: runtimeApi,
    AWS_LAMBDA_FUNCTION_NAME: name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: 'rehearsal',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
  };
}
