import { join } from 'node:path';
import {
  aws_apigatewayv2_authorizers as authorizers,
  Duration,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_logs as logs,
  RemovalPolicy,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { buildSync } from 'esbuild';
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

/** The typed handler in functions/edge, bundled at synth (the Lambda runtime provides the AWS SDK). */
const handlerEntry = join(__dirname, '..', '..', 'functions', 'edge', 'origin-authorizer.ts');

/** CloudFormation's limit for inline (`ZipFile`) function code. */
const inlineCodeLimit = 4096;

/** Bundles the authorizer into one CommonJS file small enough to ship inline: no asset to stage. */
export function bundleOriginAuthorizer(entry = handlerEntry): string {
  const { outputFiles } = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    external: ['@aws-sdk/*'],
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
    write: false,
  });
  const code = outputFiles[0]?.text ?? '';
  if (code.length === 0 || code.length > inlineCodeLimit) {
    throw new Error(
      `Origin authorizer bundle is ${code.length} bytes; inline code must be 1–${inlineCodeLimit}.`,
    );
  }
  return code;
}

/**
 * HTTP API Lambda authorizer that admits only requests carrying CloudFront's origin-verify header.
 * It does not authenticate users (the app does, per route); it closes the execute-api side door, so
 * rate limits and `X-Forwarded-For` can trust that CloudFront is the first hop.
 */
export class OriginAuthorizer extends Construct {
  readonly authorizer: authorizers.HttpLambdaAuthorizer;

  constructor(scope: Construct, id: string, props: OriginAuthorizerProps) {
    super(scope, id);
    const { headerName } = props.originVerify;
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
      code: lambda.Code.fromInline(bundleOriginAuthorizer()),
      role,
      logGroup,
      memorySize: 256,
      timeout: Duration.seconds(5),
      description: `Admits only requests from CloudFront (${headerName})`,
      environment: { ORIGIN_HEADER_NAME: headerName, ORIGIN_SECRET_ARN: props.originVerify.secret.secretArn },
    });
    props.originVerify.grantRead(fn);
    this.authorizer = new authorizers.HttpLambdaAuthorizer('FromCloudFront', fn, {
      identitySource: [`$request.header.${headerName}`],
      responseTypes: [authorizers.HttpLambdaResponseType.SIMPLE],
      resultsCacheTtl: props.cacheTtl ?? Duration.minutes(5),
    });
  }
}
