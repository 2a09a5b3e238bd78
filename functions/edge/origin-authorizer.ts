import { timingSafeEqual } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayRequestSimpleAuthorizerHandlerV2 } from 'aws-lambda';
import { type EdgeAuthorizerConfig, loadEdgeAuthorizerConfig } from './config';

/**
 * HTTP API Lambda authorizer (simple responses): admits a request only when it carries CloudFront's
 * origin-verify header with the secret value. It does not authenticate users (the app does, per
 * route); it closes the execute-api side door, so rate limits and `X-Forwarded-For` can trust that
 * CloudFront is the first hop. Bundled by the stack into the function's inline code.
 */

/** Constant-time comparison of the header's value with the expected secret. */
export function carriesSecret(
  headers: Record<string, string | undefined> | undefined,
  headerName: string,
  expected: Buffer,
): boolean {
  const got = Buffer.from(headers?.[headerName.toLowerCase()] ?? '');
  return got.length === expected.length && expected.length > 0 && timingSafeEqual(got, expected);
}

/** The handler, with the secret read once per execution environment (API Gateway also caches). */
export function createOriginAuthorizer(
  config: Pick<EdgeAuthorizerConfig, 'headerName'>,
  readSecret: () => Promise<string>,
): APIGatewayRequestSimpleAuthorizerHandlerV2 {
  let expected: Promise<Buffer> | undefined;
  return async (event) => {
    expected ??= readSecret().then(Buffer.from, (err: unknown) => {
      expected = undefined;
      throw err;
    });
    return { isAuthorized: carriesSecret(event.headers, config.headerName, await expected) };
  };
}

/** Reads a Secrets Manager secret's string value (the Lambda runtime provides the SDK). */
export function secretsManagerReader(secretArn: string, client = new SecretsManagerClient({})) {
  return async (): Promise<string> => {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
    if (!SecretString) throw new Error(`Secret ${secretArn} has no string value`);
    return SecretString;
  };
}

let configured: APIGatewayRequestSimpleAuthorizerHandlerV2 | undefined;

/** Lambda entry: `index.handler` in the bundled inline code. */
export const handler: APIGatewayRequestSimpleAuthorizerHandlerV2 = (event, context, callback) => {
  if (!configured) {
    const config = loadEdgeAuthorizerConfig();
    configured = createOriginAuthorizer(config, secretsManagerReader(config.secretArn));
  }
  return configured(event, context, callback);
};
