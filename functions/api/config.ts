import * as z from 'zod/mini';
import './platform/zod-english';

/** The three ways the one app runs. */
export const modes = ['local', 'lambda', 'fargate'] as const;
export type Mode = (typeof modes)[number];

const bool = z.stringbool({ truthy: ['true', '1', 'yes'], falsy: ['false', '0', 'no'] });
const csv = z.pipe(
  z.pipe(
    z.string(),
    z.transform((s: string) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ),
  z.array(z.url()),
);
/** A non-empty string. */
const text = z.string().check(z.minLength(1));
/** A whole number read from its text, from `min` (to `max`). */
const whole = (min: number, max?: number) =>
  z.coerce.number().check(z.int(), z.minimum(min), ...(max === undefined ? [] : [z.maximum(max)]));

/**
 * Every environment variable the app reads, in one place.
 * Variables marked "cloud" are required when mode is `lambda` or `fargate`.
 */
const envSchema = z.object({
  NODE_ENV: z._default(z.enum(['development', 'test', 'production']), 'production'),
  SERVICE_NAME: z._default(text, 'scalemap-api'),
  APP_VERSION: z._default(text, '0.0.0'),
  LOG_LEVEL: z._default(z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']), 'INFO'),
  AWS_REGION: z.optional(text),
  PORT: z._default(whole(0, 65535), 3000),
  HOST: z._default(text, '0.0.0.0'),
  /** Hops of trusted proxies in front of the app (CloudFront + ALB = 2, CloudFront + API Gateway = 2). */
  TRUST_PROXY: z._default(whole(0, 5), 2),
  /** Browser origins allowed for CORS and for cookie-authenticated unsafe requests. */
  ALLOWED_ORIGINS: z._default(csv, []),
  /** Optional folder with the built client to serve (local and plain-HTTP runs). */
  STATIC_DIR: z.optional(text),

  // Database: either one URL, or host parts (with IAM auth through RDS Proxy in the cloud).
  DATABASE_URL: z.optional(
    z.url().check(
      z.refine((u) => !/[?&](sslmode=(no-verify|allow|prefer)|ssl=false|sslrootcert=)/i.test(u), {
        message: 'must not weaken TLS verification (an sslmode that skips checks, ssl=false or custom roots)',
      }),
    ),
  ),
  DB_HOST: z.optional(text),
  DB_PORT: z._default(whole(1, 65535), 5432),
  DB_NAME: z.optional(text),
  DB_USER: z.optional(text),
  DB_IAM_AUTH: z._default(bool, false),
  /** `verify` = TLS with full certificate and host verification against the system trust store. */
  DB_TLS: z._default(z.enum(['verify', 'off']), 'verify'),
  DB_POOL_MAX: z.optional(whole(1, 50)),
  DB_CONNECT_TIMEOUT_MS: z._default(whole(100), 2000),
  DB_STATEMENT_TIMEOUT_MS: z._default(whole(100), 5000),

  DOCUMENTS_BUCKET: z.optional(z.string().check(z.minLength(3))),
  S3_ENDPOINT: z.optional(z.url()),
  S3_FORCE_PATH_STYLE: z._default(bool, false),
  /** Public origin browsers use to reach S3, when it differs from S3_ENDPOINT (local stand-in only). */
  S3_PUBLIC_ENDPOINT: z.optional(z.url()),

  COGNITO_USER_POOL_ID: z.optional(text),
  COGNITO_CLIENT_ID: z.optional(text),
  COGNITO_ENDPOINT: z.optional(z.url()),
  AUTO_CONFIRM_SIGNUPS: z._default(bool, false),

  EVENT_BUS_NAME: z.optional(text),
  /** EventBridge endpoint override (the image rehearsal's stand-in); the cloud uses the regional one. */
  EVENTBRIDGE_ENDPOINT: z.optional(z.url()),
  /** X-Ray tracing on Lambda and Fargate (never locally). */
  TRACING_ENABLED: z._default(bool, true),

  SESSION_TTL_HOURS: z._default(whole(1, 720), 12),
  AUTH_RATE_LIMIT: z._default(whole(1), 20),
  AUTH_RATE_WINDOW_SECONDS: z._default(whole(1), 900),
  DEPENDENCY_TIMEOUT_MS: z._default(whole(100), 1000),
  /** Drafts one user may hold at once; creating beyond it is a 422. */
  MAX_DRAFTS_PER_USER: z._default(whole(1, 1000), 20),
  /** Set by the ECS agent on Fargate; the server reads its task id from there for log lines. */
  ECS_CONTAINER_METADATA_URI_V4: z.optional(z.url()),
});

/**
 * Keys that must be set when the app runs on Lambda or Fargate (DB_* may be replaced by DATABASE_URL).
 * The CDK config-parity test reads this list.
 */
export const requiredCloudKeys = [
  'AWS_REGION',
  'DB_HOST',
  'DB_NAME',
  'DB_USER',
  'DOCUMENTS_BUCKET',
  'COGNITO_USER_POOL_ID',
  'COGNITO_CLIENT_ID',
  'EVENT_BUS_NAME',
  'ALLOWED_ORIGINS',
] as const;

type Env = z.infer<typeof envSchema>;

export interface Config {
  mode: Mode;
  nodeEnv: Env['NODE_ENV'];
  serviceName: string;
  version: string;
  logLevel: Env['LOG_LEVEL'];
  region: string;
  port: number;
  host: string;
  trustProxy: number;
  allowedOrigins: string[];
  staticDir?: string;
  db: {
    url?: string;
    host?: string;
    port: number;
    name?: string;
    user?: string;
    iamAuth: boolean;
    tls: 'verify' | 'off';
    poolMax: number;
    connectTimeoutMs: number;
    statementTimeoutMs: number;
  };
  s3: { bucket: string; endpoint?: string; publicEndpoint?: string; forcePathStyle: boolean };
  cognito: { userPoolId: string; clientId: string; endpoint?: string; autoConfirm: boolean };
  events: { busName?: string; endpoint?: string };
  tracingEnabled: boolean;
  session: { ttlHours: number };
  rateLimit: { authMax: number; authWindowSeconds: number };
  /** Per-user bounds on stored work. */
  limits: { draftsPerUser: number };
  dependencyTimeoutMs: number;
  /** ECS task metadata endpoint (Fargate only). */
  ecsMetadataUri?: string;
}

/** Thrown once, naming every missing or invalid variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment. The only place in the app that touches `process.env`.
 * @param mode which runtime is starting
 * @param overrides values that win over the environment (the local entry's stand-ins)
 * @param base the environment; defaults to `process.env`, tests pass their own
 */
export function loadConfig(
  mode: Mode,
  overrides: Record<string, string | undefined> = {},
  base: Record<string, string | undefined> = process.env,
): Config {
  const env = { ...base, ...overrides };
  const problems: string[] = [];
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.')}: ${issue.message}`);
    }
  }
  const dbParts = new Set(['DB_HOST', 'DB_NAME', 'DB_USER']);
  const must = mode === 'local' ? [] : requiredCloudKeys.filter((k) => !(env.DATABASE_URL && dbParts.has(k)));
  for (const key of must) {
    if (!env[key]) problems.push(`${key}: is required in ${mode} mode`);
  }
  // Read from the raw values, so this is reported alongside any other invalid variable.
  const iamAuth = bool.safeParse(env.DB_IAM_AUTH ?? 'false');
  if (iamAuth.success && iamAuth.data && env.DB_TLS === 'off') {
    problems.push('DB_TLS: must be "verify" when DB_IAM_AUTH is on');
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    mode,
    nodeEnv: e.NODE_ENV,
    serviceName: e.SERVICE_NAME,
    version: e.APP_VERSION,
    logLevel: e.LOG_LEVEL,
    region: e.AWS_REGION ?? 'us-east-1',
    port: e.PORT,
    host: e.HOST,
    trustProxy: e.TRUST_PROXY,
    allowedOrigins: e.ALLOWED_ORIGINS,
    staticDir: e.STATIC_DIR,
    db: {
      url: e.DATABASE_URL,
      host: e.DB_HOST,
      port: e.DB_PORT,
      name: e.DB_NAME,
      user: e.DB_USER,
      iamAuth: e.DB_IAM_AUTH,
      tls: e.DB_TLS,
      // The runtime profile caps this per runtime (functions/api/runtime/profiles.ts).
      poolMax: e.DB_POOL_MAX ?? 10,
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    },
    s3: {
      bucket: e.DOCUMENTS_BUCKET ?? 'scalemap-documents',
      endpoint: e.S3_ENDPOINT,
      publicEndpoint: e.S3_PUBLIC_ENDPOINT,
      forcePathStyle: e.S3_FORCE_PATH_STYLE,
    },
    cognito: {
      userPoolId: e.COGNITO_USER_POOL_ID ?? '',
      clientId: e.COGNITO_CLIENT_ID ?? '',
      endpoint: e.COGNITO_ENDPOINT,
      autoConfirm: e.AUTO_CONFIRM_SIGNUPS,
    },
    events: { busName: e.EVENT_BUS_NAME, endpoint: e.EVENTBRIDGE_ENDPOINT },
    tracingEnabled: e.TRACING_ENABLED && mode !== 'local',
    session: { ttlHours: e.SESSION_TTL_HOURS },
    rateLimit: { authMax: e.AUTH_RATE_LIMIT, authWindowSeconds: e.AUTH_RATE_WINDOW_SECONDS },
    limits: { draftsPerUser: e.MAX_DRAFTS_PER_USER },
    dependencyTimeoutMs: e.DEPENDENCY_TIMEOUT_MS,
    ecsMetadataUri: e.ECS_CONTAINER_METADATA_URI_V4,
  };
}

/**
 * The X-Ray SDK picks its context mode from `AWS_XRAY_MANUAL_MODE` when it loads, so the Fargate
 * tracer sets it here, just before loading the SDK (config.ts is the one module that touches
 * `process.env`). Manual mode keeps cls-hooked's async hook off every promise (see xray.ts).
 */
export function selectXRayManualMode(env: Record<string, string | undefined> = process.env): void {
  env.AWS_XRAY_MANUAL_MODE = 'true';
}

/**
 * Whether the Lambda invocation in progress is sampled by X-Ray: the runtime sets `_X_AMZN_TRACE_ID`
 * for each invocation (the SDK reads the same variable). Without it nothing is traced.
 */
export function lambdaInvocationSampled(env: Record<string, string | undefined> = process.env): boolean {
  return /(?:^|;)Sampled=1(?:;|$)/.test(env._X_AMZN_TRACE_ID ?? '');
}
