/**
 * The origin authorizer's settings, from the environment the stack sets (stacks/constructs/
 * origin-authorizer.ts). The only place in functions/edge that reads `process.env`.
 */
export interface EdgeAuthorizerConfig {
  /** Header CloudFront adds; lower-case, as API Gateway passes header names. */
  readonly headerName: string;
  /** Secrets Manager secret holding the header's value. */
  readonly secretArn: string;
}

export function loadEdgeAuthorizerConfig(
  env: Record<string, string | undefined> = process.env,
): EdgeAuthorizerConfig {
  const headerName = env.ORIGIN_HEADER_NAME?.trim().toLowerCase();
  const secretArn = env.ORIGIN_SECRET_ARN?.trim();
  const missing = [!headerName && 'ORIGIN_HEADER_NAME', !secretArn && 'ORIGIN_SECRET_ARN'].filter(Boolean);
  if (!headerName || !secretArn)
    throw new Error(`Origin authorizer misconfigured: ${missing.join(', ')} unset`);
  return { headerName, secretArn };
}
