import type { Config } from '../../config';

/** Fixed credentials, for endpoints that are not AWS (the stand-ins); in AWS the role's are used. */
export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * What every AWS SDK client of the app shares: the region, at most one retry, and bounded timeouts,
 * so a stumbling dependency answers fast instead of hanging. Credentials come from the SDK's default
 * chain (the function's or task's role) unless the runtime profile passes fixed ones.
 */
export function clientSettings(
  config: Config,
  endpoint: string | undefined,
  credentials?: StaticCredentials,
) {
  return {
    region: config.region,
    endpoint,
    maxAttempts: 2,
    requestHandler: {
      connectionTimeout: config.dependencyTimeoutMs,
      requestTimeout: config.dependencyTimeoutMs * 2,
    },
    ...(credentials ? { credentials } : {}),
  };
}
