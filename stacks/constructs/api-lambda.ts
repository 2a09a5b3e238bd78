import {
  aws_apigatewayv2 as apigw,
  aws_apigateway as apigwv1,
  aws_cloudfront as cloudfront,
  aws_codedeploy as codedeploy,
  aws_cloudwatch as cw,
  Duration,
  type aws_ec2 as ec2,
  type aws_ecr_assets as ecrAssets,
  Fn,
  aws_iam as iam,
  aws_apigatewayv2_integrations as integrations,
  aws_lambda as lambda,
  aws_logs as logs,
  aws_cloudfront_origins as origins,
  RemovalPolicy,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { ApiTarget } from './api-target';
import { ImageFunction } from './image-function';
import { OriginAuthorizer } from './origin-authorizer';
import type { OriginVerify } from './origin-verify';

export interface ApiLambdaProps {
  /** The one image; the function runs its `lambda.handler` command. */
  readonly image: ecrAssets.DockerImageAsset;
  /** The function runs in its private subnets. */
  readonly vpc: ec2.IVpc;
  /** App config (`functions/api/config.ts`), from `appEnvironment`. */
  readonly environment: Record<string, string>;
  /** Caps concurrency and so DB connections (2 per environment). */
  readonly reservedConcurrency: number;
  /** @default 1024 */
  readonly memoryMiB?: number;
  /** HTTP API stage throttling. */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /** Secret header CloudFront adds; an authorizer refuses requests without it. */
  readonly originVerify: OriginVerify;
  /**
   * Traffic shifting for new versions.
   * @default codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES
   */
  readonly deploymentConfig?: codedeploy.ILambdaDeploymentConfig;
}

/**
 * target=lambda: the image's `lambda.handler` behind a `live` alias, an HTTP API with access logs and
 * throttling, and a CodeDeploy canary that rolls back when the alias errors or the API returns 5xx.
 */
export class ApiLambda extends Construct implements ApiTarget {
  readonly function: lambda.DockerImageFunction;
  readonly alias: lambda.Alias;
  readonly httpApi: apigw.HttpApi;
  readonly origin: cloudfront.IOrigin;
  readonly compute: lambda.DockerImageFunction;
  readonly grantPrincipal: iam.IPrincipal;
  readonly connections: ec2.Connections;
  readonly metrics: ApiTarget['metrics'];
  readonly alarms: cw.Alarm[];

  constructor(scope: Construct, id: string, props: ApiLambdaProps) {
    super(scope, id);
    const fn = new ImageFunction(this, 'Handler', {
      image: props.image,
      cmd: 'lambda.handler',
      vpc: props.vpc,
      environment: props.environment,
      memoryMiB: props.memoryMiB ?? 1024,
      timeout: Duration.seconds(29),
      reservedConcurrency: props.reservedConcurrency,
      tracing: lambda.Tracing.ACTIVE,
      description: 'ScaleMap API (Express via serverless-express)',
    });
    this.function = fn.function;
    this.compute = this.function;
    this.grantPrincipal = this.function.grantPrincipal;
    this.connections = this.function.connections;
    this.alias = new lambda.Alias(this, 'Live', { aliasName: 'live', version: this.function.currentVersion });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'ScaleMap API; reached through CloudFront /api/*',
      createDefaultStage: false,
      defaultIntegration: new integrations.HttpLambdaIntegration('Live', this.alias),
      // Admits CloudFront only; users are authenticated by the app on each route.
      defaultAuthorizer: new OriginAuthorizer(this, 'FromCloudFront', { originVerify: props.originVerify })
        .authorizer,
    });
    const stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: apigwv1.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    // https://<id>.execute-api.<region>.amazonaws.com → host name for the CloudFront origin.
    const apiHost = Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint));
    this.origin = new origins.HttpOrigin(apiHost, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      customHeaders: { [props.originVerify.headerName]: props.originVerify.value },
      readTimeout: Duration.seconds(30),
    });

    const apiDims = { ApiId: this.httpApi.apiId, Stage: stage.stageName };
    const apiMetric = (metricName: string, statistic: string) =>
      new cw.Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: apiDims,
        statistic,
        period: Duration.minutes(1),
      });
    this.metrics = {
      requests: apiMetric('Count', 'Sum'),
      serverErrors: apiMetric('5xx', 'Sum'),
      latencyP95: apiMetric('Latency', 'p95'),
    };

    const aliasErrors = new cw.Alarm(this, 'AliasErrors', {
      alarmDescription: 'API Lambda (live alias) errors; also rolls back a canary deployment',
      metric: this.alias.metricErrors({ period: Duration.minutes(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: cw.TreatMissingData.NOT_BREACHING,
    });
    const throttles = new cw.Alarm(this, 'Throttles', {
      alarmDescription: 'API Lambda throttled: reserved concurrency reached',
      metric: this.function.metricThrottles({ period: Duration.minutes(1) }),
      threshold: 1,
      evaluationPeriods: 2,
      treatMissingData: cw.TreatMissingData.NOT_BREACHING,
    });
    const canary5xx = new cw.Alarm(this, 'Canary5xx', {
      alarmDescription: 'HTTP API 5xx during a deployment; rolls the canary back',
      metric: this.metrics.serverErrors,
      threshold: 5,
      evaluationPeriods: 1,
      treatMissingData: cw.TreatMissingData.NOT_BREACHING,
    });
    this.alarms = [aliasErrors, throttles, canary5xx];

    new codedeploy.LambdaDeploymentGroup(this, 'Canary', {
      alias: this.alias,
      deploymentConfig: props.deploymentConfig ?? codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
      alarms: [aliasErrors, canary5xx],
      autoRollback: { failedDeployment: true, deploymentInAlarm: true, stoppedDeployment: true },
      role: this.codeDeployRole(),
    });
  }

  /** Inline least-privilege equivalent of AWSCodeDeployRoleForLambdaLimited, for this alias only. */
  private codeDeployRole(): iam.IRole {
    const role = new iam.Role(this, 'CanaryRole', {
      assumedBy: new iam.ServicePrincipal('codedeploy.amazonaws.com'),
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['lambda:GetAlias', 'lambda:UpdateAlias', 'lambda:GetProvisionedConcurrencyConfig'],
        resources: [this.alias.functionArn],
      }),
    );
    // DescribeAlarms has no resource-level permissions, so this one statement must use Resource *.
    role.addToPolicy(new iam.PolicyStatement({ actions: ['cloudwatch:DescribeAlarms'], resources: ['*'] }));
    return role.withoutPolicyUpdates();
  }
}
