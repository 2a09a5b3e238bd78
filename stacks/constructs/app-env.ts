import type { Target } from '../config';

/** What the app needs to know about the infrastructure, as synthesized values or tokens. */
export interface AppEnvironmentProps {
  /** Picks the Fargate-only variables. */
  readonly target: Target;
  /** Set explicitly on Fargate only. */
  readonly region: string;
  /** `LOG_LEVEL`. */
  readonly logLevel: string;
  /** Browser origins (the CloudFront or stage URL). */
  readonly allowedOrigins: string[];
  /** RDS Proxy endpoint. */
  readonly dbHost: string;
  /** Database name. */
  readonly dbName: string;
  /** Database user the IAM token is issued for. */
  readonly dbUser: string;
  /** Documents bucket name. */
  readonly documentsBucket: string;
  /** Cognito user pool id. */
  readonly userPoolId: string;
  /** Cognito app client id (no secret). */
  readonly userPoolClientId: string;
  /** Dev only: confirm sign-ups without the e-mail code. */
  readonly autoConfirmSignups: boolean;
  /** Bus the outbox relay publishes to. */
  readonly eventBusName: string;
  /** X-Ray through Powertools Tracer: on where Lambda tracing is active or the daemon sidecar runs. */
  readonly tracing: boolean;
  /** Image asset hash, so logs and /api/health name the deployed build. */
  readonly version: string;
}

/**
 * The environment variables of `functions/api/config.ts`, for one target. Only plain settings:
 * the database password never exists (IAM tokens), and secrets would come from Secrets Manager.
 * The config-parity test checks this against the app's schema.
 */
export function appEnvironment(p: AppEnvironmentProps): Record<string, string> {
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    SERVICE_NAME: 'scalemap-api',
    APP_VERSION: p.version,
    LOG_LEVEL: p.logLevel,
    // CloudFront + API Gateway, or CloudFront + ALB: two proxy hops either way.
    TRUST_PROXY: '2',
    ALLOWED_ORIGINS: p.allowedOrigins.join(','),
    DB_HOST: p.dbHost,
    DB_PORT: '5432',
    DB_NAME: p.dbName,
    DB_USER: p.dbUser,
    DB_IAM_AUTH: 'true',
    DB_TLS: 'verify',
    DOCUMENTS_BUCKET: p.documentsBucket,
    COGNITO_USER_POOL_ID: p.userPoolId,
    COGNITO_CLIENT_ID: p.userPoolClientId,
    AUTO_CONFIRM_SIGNUPS: String(p.autoConfirmSignups),
    EVENT_BUS_NAME: p.eventBusName,
    TRACING_ENABLED: String(p.tracing),
    POWERTOOLS_METRICS_NAMESPACE: 'ScaleMap',
    POWERTOOLS_SERVICE_NAME: 'scalemap-api',
  };
  if (p.target === 'fargate') {
    // Lambda sets AWS_REGION itself (and reserves the name); a container does not.
    env.AWS_REGION = p.region;
    env.PORT = '3000';
    env.HOST = '0.0.0.0';
    // The X-Ray daemon sidecar shares the task's network namespace.
    env.AWS_XRAY_DAEMON_ADDRESS = '127.0.0.1:2000';
  }
  return env;
}
