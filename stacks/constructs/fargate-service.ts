import {
  Duration,
  aws_ec2 as ec2,
  type aws_ecr_assets as ecrAssets,
  aws_ecs as ecs,
  aws_iam as iam,
  aws_logs as logs,
  RemovalPolicy,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';

export interface FargateServiceProps {
  /** The one image; the task overrides its entry point to run the server. */
  readonly image: ecrAssets.DockerImageAsset;
  /** Tasks run in its private subnets. */
  readonly vpc: ec2.IVpc;
  /** App config (`functions/api/config.ts`), from `appEnvironment`. */
  readonly environment: Record<string, string>;
  /** Also the desired count at deploy. */
  readonly minTasks: number;
  /** Upper bound for CPU/memory target tracking. */
  readonly maxTasks: number;
}

/**
 * The ECS Fargate service running the image's `node server.js` as user 10001, with an X-Ray daemon
 * sidecar, the deployment circuit breaker and CPU/memory autoscaling.
 */
export class FargateService extends Construct {
  readonly cluster: ecs.Cluster;
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly service: ecs.FargateService;

  constructor(scope: Construct, id: string, props: FargateServiceProps) {
    super(scope, id);
    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: props.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });
    const taskDef = new ecs.FargateTaskDefinition(this, 'Task', {
      cpu: 1024,
      memoryLimitMiB: 2048,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.X86_64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
    });
    acknowledge(
      taskDef,
      'ECS2',
      'Only non-secret settings are plain env vars (the config-parity test checks it); the DB uses IAM ' +
        'tokens and has no password, and any future secret goes in `secrets` from Secrets Manager.',
    );
    this.taskDefinition = taskDef;
    const appLogs = new logs.LogGroup(this, 'AppLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // A read-only root, as on Lambda; /tmp is the task's ephemeral storage.
    taskDef.addVolume({ name: 'tmp' });
    const api = taskDef.addContainer('api', {
      image: ecs.ContainerImage.fromDockerImageAsset(props.image),
      entryPoint: ['node', 'server.js'],
      command: [],
      workingDirectory: '/var/task',
      user: '10001',
      readonlyRootFilesystem: true,
      environment: props.environment,
      logging: ecs.LogDrivers.awsLogs({ logGroup: appLogs, streamPrefix: 'api' }),
      portMappings: [{ containerPort: 3000 }],
      stopTimeout: Duration.seconds(30),
    });
    api.addMountPoints({ containerPath: '/tmp', sourceVolume: 'tmp', readOnly: false });
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
      cluster: this.cluster,
      taskDefinition: taskDef,
      desiredCount: props.minTasks,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      circuitBreaker: { enable: true, rollback: true },
      // Startup connects to the proxy and warms the Cognito JWKS before /api/health turns healthy.
      healthCheckGracePeriod: Duration.seconds(60),
    });
    const scaling = this.service.autoScaleTaskCount({
      minCapacity: props.minTasks,
      maxCapacity: props.maxTasks,
    });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 70 });
    scaling.scaleOnMemoryUtilization('Memory', { targetUtilizationPercent: 80 });
  }
}
