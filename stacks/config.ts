/**
 * Stage configuration, in code. `stacks/app.ts` picks one with `-c stage=` and `-c target=`;
 * everything else receives the typed object through props.
 */

export const targets = ['lambda', 'fargate'] as const;
/** Where the API runs: API Gateway HTTP API + Lambda, or ALB + ECS Fargate. */
export type Target = (typeof targets)[number];

export const stageNames = ['dev', 'staging', 'prod'] as const;
export type StageName = (typeof stageNames)[number];

/** A custom domain for the distribution (and, on Fargate, for the ALB origin). */
export interface DomainConfig {
  /** Public name served by CloudFront, e.g. `app.example.com`. */
  readonly domainName: string;
  /** ACM certificate for `domainName`, in us-east-1 (CloudFront's region). */
  readonly cloudFrontCertificateArn: string;
  /** ACM certificate for `originDomainName`, in the stage's region (ALB listener on 443). */
  readonly albCertificateArn: string;
  /** DNS name (CNAME to the ALB) that CloudFront uses to reach the Fargate origin over HTTPS. */
  readonly originDomainName: string;
}

export interface DatabaseConfig {
  /** Burstable Graviton size, e.g. `micro` → db.t4g.micro. */
  readonly instanceSize: 'micro' | 'small' | 'medium' | 'large';
  /** Initial storage. */
  readonly allocatedStorageGiB: number;
  /** Storage autoscaling ceiling. */
  readonly maxAllocatedStorageGiB: number;
  /** Standby in a second AZ (prod). */
  readonly multiAz: boolean;
  /** Refuse deletes until turned off by hand. */
  readonly deletionProtection: boolean;
  /** Automated backups kept for point-in-time restore. */
  readonly backupRetentionDays: number;
}

/** The WAF web ACL in front of CloudFront. */
export interface EdgeConfig {
  /**
   * Requests per client IP to `/api/auth/*` (logout and me excepted) in one window, summed over every
   * edge location: the budget that no number of Lambda environments or Fargate tasks multiplies.
   */
  readonly authRequestsPerIp: number;
  /** The rate-based rule's window; WAF accepts 60, 120, 300 or 600 seconds. */
  readonly authWindowSeconds: 60 | 120 | 300 | 600;
}

/** CloudFront's region: a web ACL for a distribution must be created here. */
export const edgeRegion = 'us-east-1';

/**
 * The API's JSON body limit (`express.json({ limit: '100kb' })` in functions/api/app.ts); WAF blocks
 * larger `/api/*` bodies at the edge. Documents never pass CloudFront: browsers POST them to S3.
 */
export const apiJsonBodyLimitBytes = 100 * 1024;

export interface StageConfig {
  /** Also the stack-name prefix: `ScaleMap-<name>-…`. */
  readonly name: StageName;
  /** Target used when `-c target=` is not given. */
  readonly defaultTarget: Target;
  /** @default - the CloudFront default domain, no ALB certificate */
  readonly domain?: DomainConfig;
  /** 1 in dev (cost), one per AZ where an AZ outage must not cut egress. */
  readonly natGateways: number;
  /**
   * CloudWatch Logs and EventBridge interface endpoints. Each costs ~$7.30 per AZ per month, which
   * only beats NAT data processing ($0.045/GB) above ~160 GB a month, so only prod has them.
   */
  readonly interfaceEndpoints: boolean;
  /** PostgreSQL size and protection. */
  readonly database: DatabaseConfig;
  /** @default - alarms go to an SNS topic without subscribers; set with `-c alarmEmail=` */
  readonly alarmEmail?: string;
  /**
   * Cognito feature plan. Plus adds threat protection (compromised credentials, adaptive
   * authentication) at $0.02 per MAU with no free tier; Essentials has 10,000 free MAUs. A B2B
   * assessment has few monthly users, so Plus costs cents to a few dollars and is on everywhere.
   */
  readonly userPoolPlan: 'essentials' | 'plus';
  /** Confirm Cognito sign-ups without an e-mail code (dev only). */
  readonly autoConfirmSignups: boolean;
  /** App log level (`LOG_LEVEL`). */
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** API Lambda (target=lambda). */
  readonly lambda: {
    /** Caps concurrent executions, and with the Lambda profile's 2 connections each, the DB connections (≤ 2 × this). */
    readonly reservedConcurrency: number;
    readonly memoryMiB: number;
  };
  /** Fargate service autoscaling bounds (target=fargate). */
  readonly fargate: { readonly minTasks: number; readonly maxTasks: number };
  /** HTTP API stage throttling. */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /** AWS WAF on CloudFront (the edge stack, in us-east-1); see docs/edge-protection.md. */
  readonly edge: EdgeConfig;
  /**
   * Own the account's ECR registry scanning configuration (scan on push for the CDK asset repository).
   * It is a per-account singleton: turn it on in exactly one stage per account. See ADR 0003.
   */
  readonly manageRegistryScanning: boolean;
}

const base = {
  defaultTarget: 'lambda',
  logLevel: 'INFO',
  throttle: { rateLimit: 50, burstLimit: 100 },
  // The app allows 100 auth calls per IP per 15 minutes in each process; the edge caps the whole fleet.
  edge: { authRequestsPerIp: 100, authWindowSeconds: 300 },
} as const;

export const stages: Record<StageName, StageConfig> = {
  dev: {
    ...base,
    name: 'dev',
    natGateways: 1,
    interfaceEndpoints: false,
    database: {
      instanceSize: 'micro',
      allocatedStorageGiB: 20,
      maxAllocatedStorageGiB: 50,
      multiAz: false,
      // On in every stage: even dev data is someone's test assessment. Turn off by hand to tear down.
      deletionProtection: true,
      backupRetentionDays: 1,
    },
    userPoolPlan: 'plus',
    autoConfirmSignups: true,
    logLevel: 'DEBUG',
    lambda: { reservedConcurrency: 10, memoryMiB: 1024 },
    fargate: { minTasks: 1, maxTasks: 3 },
    manageRegistryScanning: true,
  },
  staging: {
    ...base,
    name: 'staging',
    natGateways: 1,
    interfaceEndpoints: false,
    database: {
      instanceSize: 'small',
      allocatedStorageGiB: 20,
      maxAllocatedStorageGiB: 100,
      multiAz: false,
      deletionProtection: true,
      backupRetentionDays: 7,
    },
    userPoolPlan: 'plus',
    autoConfirmSignups: false,
    lambda: { reservedConcurrency: 20, memoryMiB: 1024 },
    fargate: { minTasks: 1, maxTasks: 3 },
    manageRegistryScanning: false,
  },
  prod: {
    ...base,
    name: 'prod',
    natGateways: 2,
    interfaceEndpoints: true,
    database: {
      instanceSize: 'medium',
      allocatedStorageGiB: 50,
      maxAllocatedStorageGiB: 200,
      multiAz: true,
      deletionProtection: true,
      backupRetentionDays: 14,
    },
    userPoolPlan: 'plus',
    autoConfirmSignups: false,
    lambda: { reservedConcurrency: 40, memoryMiB: 1024 },
    fargate: { minTasks: 1, maxTasks: 3 },
    throttle: { rateLimit: 200, burstLimit: 400 },
    manageRegistryScanning: true,
  },
};

function oneOf<T extends string>(kind: string, value: string, valid: readonly T[]): T {
  if ((valid as readonly string[]).includes(value)) return value as T;
  throw new Error(`Unknown ${kind} "${value}". Valid values: ${valid.join(', ')}.`);
}

/** Resolves `-c stage=`; throws listing the valid stages. */
export function resolveStage(name: string | undefined, overrides: { alarmEmail?: string } = {}): StageConfig {
  const stage = stages[oneOf('stage', name ?? 'dev', stageNames)];
  return overrides.alarmEmail ? { ...stage, alarmEmail: overrides.alarmEmail } : stage;
}

/** Resolves `-c target=` against the stage default; throws listing the valid targets. */
export function resolveTarget(name: string | undefined, stage: StageConfig): Target {
  return name === undefined ? stage.defaultTarget : oneOf('target', name, targets);
}
