import {
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  custom_resources as cr,
  aws_cloudwatch as cw,
  Duration,
  aws_ec2 as ec2,
  type aws_ecr_assets as ecrAssets,
  aws_ecs as ecs,
  aws_elasticloadbalancingv2 as elbv2,
  aws_iam as iam,
  aws_logs as logs,
  aws_cloudfront_origins as origins,
  RemovalPolicy,
  type aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AlbAccessLogs } from './alb-access-logs';
import type { ApiTarget } from './api-target';
import { CustomResourceRole } from './custom-resource-role';
import type { OriginVerify } from './origin-verify';

export interface ApiFargateProps {
  /** The one image; the task overrides its entry point to run the server. */
  readonly image: ecrAssets.DockerImageAsset;
  /** Tasks run in its private subnets, the ALB in its public ones. */
  readonly vpc: ec2.IVpc;
  /** App config (`functions/api/config.ts`), from `appEnvironment`. */
  readonly environment: Record<string, string>;
  /** Also the desired count at deploy. */
  readonly minTasks: number;
  /** Upper bound for CPU/memory target tracking. */
  readonly maxTasks: number;
  /** Bucket for ALB access logs (SSE-S3; ALB cannot write to KMS-encrypted buckets). */
  readonly accessLogsBucket: s3.IBucket;
  /**
   * HTTPS origin: ALB certificate (stage region) and the DNS name CloudFront uses for the ALB.
   * @default - HTTP listener on 80, restricted to CloudFront and the secret origin header
   */
  readonly https?: { readonly certificateArn: string; readonly originDomainName: string };
  /** Secret header CloudFront adds; the listener forwards only requests carrying it. */
  readonly originVerify: OriginVerify;
}

/**
 * target=fargate: ALB → ECS Fargate service running the image's `node server.js`, with an X-Ray
 * daemon sidecar. The ALB accepts only CloudFront's origin-facing addresses plus a secret header.
 */
export class ApiFargate extends Construct implements ApiTarget {
  readonly service: ecs.FargateService;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly taskDefinition: ecs.FargateTaskDefinition;
  /** Whether CloudFront reaches the ALB over HTTPS (a stage domain and certificate are set). */
  readonly httpsOrigin: boolean;
  readonly origin: cloudfront.IOrigin;
  readonly compute: ecs.FargateService;
  readonly grantPrincipal: iam.IPrincipal;
  readonly connections: ec2.Connections;
  readonly metrics: ApiTarget['metrics'];
  readonly alarms: cw.Alarm[];

  constructor(scope: Construct, id: string, props: ApiFargateProps) {
    super(scope, id);
    const cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: props.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });
    this.httpsOrigin = props.https !== undefined;
    const taskDef = new ecs.FargateTaskDefinition(this, 'Task', {
      cpu: 1024,
      memoryLimitMiB: 2048,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.X86_64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
    });
    this.taskDefinition = taskDef;
    const appLogs = new logs.LogGroup(this, 'AppLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    taskDef.addContainer('api', {
      image: ecs.ContainerImage.fromDockerImageAsset(props.image),
      entryPoint: ['node', 'server.js'],
      command: [],
      workingDirectory: '/var/task',
      user: '10001',
      environment: props.environment,
      logging: ecs.LogDrivers.awsLogs({ logGroup: appLogs, streamPrefix: 'api' }),
      portMappings: [{ containerPort: 3000 }],
      stopTimeout: Duration.seconds(30),
    });
    taskDef.addContainer('xray-daemon', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/xray/aws-xray-daemon:3.x'),
      essential: false,
      cpu: 32,
      memoryReservationMiB: 256,
      user: '1337',
      logging: ecs.LogDrivers.awsLogs({ logGroup: appLogs, streamPrefix: 'xray' }),
      portMappings: [{ containerPort: 2000, protocol: ecs.Protocol.UDP }],
    });
    // No start-order dependency: until the daemon listens, the SDK's UDP segments are simply dropped.
    // What AWSXRayDaemonWriteAccess grants, inline; X-Ray actions take no resource ARN.
    taskDef.addToTaskRolePolicy(
      new iam.PolicyStatement({
        actions: [
          'xray:PutTraceSegments',
          'xray:PutTelemetryRecords',
          'xray:GetSamplingRules',
          'xray:GetSamplingTargets',
          'xray:GetSamplingStatisticSummaries',
        ],
        resources: ['*'],
      }),
    );

    this.service = new ecs.FargateService(this, 'Service', {
      cluster,
      taskDefinition: taskDef,
      desiredCount: props.minTasks,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      circuitBreaker: { enable: true, rollback: true },
      // Startup connects to the proxy and warms the Cognito JWKS before /api/health turns healthy.
      healthCheckGracePeriod: Duration.seconds(60),
    });
    this.compute = this.service;
    this.grantPrincipal = taskDef.taskRole;
    this.connections = this.service.connections;
    const scaling = this.service.autoScaleTaskCount({
      minCapacity: props.minTasks,
      maxCapacity: props.maxTasks,
    });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 70 });
    scaling.scaleOnMemoryUtilization('Memory', { targetUtilizationPercent: 80 });

    // --- ALB: CloudFront-only ingress ---------------------------------------------------------
    const albSg = new ec2.SecurityGroup(this, 'AlbSg', {
      vpc: props.vpc,
      description: 'ALB: CloudFront origin-facing addresses only',
      allowAllOutbound: false,
    });
    const cloudFrontPrefixList = this.lookUpCloudFrontPrefixList();
    const listenPort = props.https ? 443 : 80;
    albSg.addIngressRule(
      ec2.Peer.prefixList(cloudFrontPrefixList),
      ec2.Port.tcp(listenPort),
      'CloudFront only',
    );
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      vpc: props.vpc,
      internetFacing: true,
      securityGroup: albSg,
      dropInvalidHeaderFields: true,
      idleTimeout: Duration.seconds(60),
    });
    new AlbAccessLogs(this, 'AccessLogs', {
      loadBalancer: this.loadBalancer,
      serverAccessLogsBucket: props.accessLogsBucket,
    });

    const targetGroup = new elbv2.ApplicationTargetGroup(this, 'Targets', {
      vpc: props.vpc,
      port: 3000,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      targets: [this.service],
      // Tasks drain in-flight requests before SIGTERM; requests are short, so 30 s is plenty.
      deregistrationDelay: Duration.seconds(30),
      healthCheck: {
        path: '/api/health',
        healthyHttpCodes: '200',
        interval: Duration.seconds(15),
        healthyThresholdCount: 2,
      },
    });

    const { headerName, value: secretValue } = props.originVerify;
    const listener = props.https
      ? this.loadBalancer.addListener('Https', {
          port: 443,
          certificates: [acm.Certificate.fromCertificateArn(this, 'Cert', props.https.certificateArn)],
          sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
          open: false,
          defaultAction: forbidden(),
        })
      : this.loadBalancer.addListener('Http', { port: 80, open: false, defaultAction: forbidden() });
    listener.addTargetGroups('FromCloudFront', {
      priority: 10,
      conditions: [elbv2.ListenerCondition.httpHeader(headerName, [secretValue])],
      targetGroups: [targetGroup],
    });
    if (props.https) {
      // No ingress for port 80: CloudFront connects over HTTPS only, and the origin-facing prefix list
      // weighs 55 rules against the default 60 per security group, so it can be referenced once.
      this.loadBalancer.addRedirect({ sourcePort: 80, targetPort: 443, open: false });
    }
    this.origin = new origins.HttpOrigin(
      props.https?.originDomainName ?? this.loadBalancer.loadBalancerDnsName,
      {
        protocolPolicy: props.https
          ? cloudfront.OriginProtocolPolicy.HTTPS_ONLY
          : cloudfront.OriginProtocolPolicy.HTTP_ONLY,
        customHeaders: { [headerName]: secretValue },
        originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
        readTimeout: Duration.seconds(30),
      },
    );

    // --- Metrics and alarms ---------------------------------------------------------------
    const lb = this.loadBalancer.metrics;
    this.metrics = {
      requests: lb.requestCount({ period: Duration.minutes(1) }),
      serverErrors: new cw.MathExpression({
        expression: 'FILL(t, 0) + FILL(e, 0)',
        usingMetrics: {
          t: lb.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period: Duration.minutes(1) }),
          e: lb.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period: Duration.minutes(1) }),
        },
        label: '5xx',
        period: Duration.minutes(1),
      }),
      latencyP95: lb.targetResponseTime({ statistic: 'p95', period: Duration.minutes(1) }),
    };
    const ecsDims = { ClusterName: cluster.clusterName, ServiceName: this.service.serviceName };
    const insights = (metricName: string) =>
      new cw.Metric({
        namespace: 'ECS/ContainerInsights',
        metricName,
        dimensionsMap: ecsDims,
        statistic: 'Average',
        period: Duration.minutes(1),
      });
    this.alarms = [
      new cw.Alarm(this, 'TasksBelowDesired', {
        alarmDescription: 'Fewer ECS tasks running than desired for 5 minutes',
        metric: new cw.MathExpression({
          expression: 'desired - running',
          usingMetrics: { desired: insights('DesiredTaskCount'), running: insights('RunningTaskCount') },
          period: Duration.minutes(1),
        }),
        threshold: 1,
        evaluationPeriods: 5,
        comparisonOperator: cw.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cw.TreatMissingData.BREACHING,
      }),
      new cw.Alarm(this, 'UnhealthyTasks', {
        alarmDescription: 'A task fails the /api/health check (task failure)',
        metric: targetGroup.metrics.unhealthyHostCount({ period: Duration.minutes(1), statistic: 'Maximum' }),
        threshold: 1,
        evaluationPeriods: 3,
        comparisonOperator: cw.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cw.TreatMissingData.NOT_BREACHING,
      }),
    ];
  }

  /**
   * The id of `com.amazonaws.global.cloudfront.origin-facing` differs per region, and synth must stay
   * offline and environment-agnostic, so it is looked up at deploy time.
   */
  private lookUpCloudFrontPrefixList(): string {
    const lookup = new cr.AwsCustomResource(this, 'CloudFrontPrefixList', {
      onUpdate: {
        service: 'EC2',
        action: 'describeManagedPrefixLists',
        parameters: {
          Filters: [{ Name: 'prefix-list-name', Values: ['com.amazonaws.global.cloudfront.origin-facing'] }],
        },
        physicalResourceId: cr.PhysicalResourceId.of('cloudfront-origin-facing'),
        outputPaths: ['PrefixLists.0.PrefixListId'],
      },
      // Describe* calls have no resource-level permissions.
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
      installLatestAwsSdk: false,
      role: CustomResourceRole.of(this).role,
      logGroup: CustomResourceRole.of(this).logGroup,
    });
    return lookup.getResponseField('PrefixLists.0.PrefixListId');
  }
}

function forbidden(): elbv2.ListenerAction {
  return elbv2.ListenerAction.fixedResponse(403, { contentType: 'text/plain', messageBody: 'Forbidden' });
}
