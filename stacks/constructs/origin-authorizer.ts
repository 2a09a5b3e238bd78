import {
  aws_apigatewayv2_authorizers as authorizers,
  Duration,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_logs as logs,
  RemovalPolicy,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { OriginVerify } from './origin-verify';

export interface OriginAuthorizerProps {
  /** The secret header CloudFront sends. */
  readonly originVerify: OriginVerify;
  /**
   * How long API Gateway caches a decision per header value. CloudFront always sends the same value,
   * so the function runs about once per TTL.
   * @default Duration.minutes(5)
   */
  readonly cacheTtl?: Duration;
}

/** Compares the header with the secret (read once per execution environment), in constant time. */
const handlerCode = `
const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');
const { timingSafeEqual } = require('node:crypto');
const client = new SecretsManagerClient({});
let expected;
exports.handler = async (event) => {
  expected ??= Buffer.from(
    (await client.send(new GetSecretValueCommand({ SecretId: process.env.ORIGIN_SECRET_ARN }))).SecretString,
  );
  const got = Buffer.from((event.headers && event.headers['x-origin-verify']) || '');
  return { isAuthorized: got.length === expected.length && timingSafeEqual(got, expected) };
};
`;

/**
 * HTTP API Lambda authorizer that admits only requests carrying CloudFront's origin-verify header.
 * It does not authenticate users (the app does, per route); it closes the execute-api side door, so
 * rate limits and `X-Forwarded-For` can trust that CloudFront is the first hop.
 */
export class OriginAuthorizer extends Construct {
  readonly authorizer: authorizers.HttpLambdaAuthorizer;

  constructor(scope: Construct, id: string, props: OriginAuthorizerProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    const fn = new lambda.Function(this, 'Function', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(handlerCode),
      role,
      logGroup,
      memorySize: 256,
      timeout: Duration.seconds(5),
      description: 'Admits only requests from CloudFront (x-origin-verify)',
      environment: { ORIGIN_SECRET_ARN: props.originVerify.secret.secretArn },
    });
    props.originVerify.grantRead(fn);
    this.authorizer = new authorizers.HttpLambdaAuthorizer('FromCloudFront', fn, {
      identitySource: [`$request.header.${props.originVerify.headerName}`],
      responseTypes: [authorizers.HttpLambdaResponseType.SIMPLE],
      resultsCacheTtl: props.cacheTtl ?? Duration.minutes(5),
    });
  }
}
