import type {
  aws_cloudfront as cloudfront,
  aws_cloudwatch as cw,
  aws_ec2 as ec2,
  aws_ecr_assets as ecrAssets,
  aws_ecs as ecs,
  aws_elasticloadbalancingv2 as elbv2,
  aws_iam as iam,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { ApiTarget } from './api-target';
import { CloudFrontOnlyAlb } from './cloudfront-only-alb';
import { FargateAlarms } from './fargate-alarms';
import { FargateService } from './fargate-service';
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
 * target=fargate: a CloudFront-only ALB in front of the ECS Fargate service, and their alarms.
 * The ALB is the child with id `Default`, which CDK leaves out of logical ids: it kept its ids
 * (and so its DNS name, which a stage's origin CNAME points at) when this construct was split.
 */
export class ApiFargate extends Construct implements ApiTarget {
  readonly service: ecs.FargateService;
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
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
    const tasks = new FargateService(this, 'Tasks', props);
    const alb = new CloudFrontOnlyAlb(this, 'Default', {
      vpc: props.vpc,
      target: tasks.service,
      accessLogsBucket: props.accessLogsBucket,
      originVerify: props.originVerify,
      https: props.https,
    });
    const alarms = new FargateAlarms(this, 'Alarms', {
      loadBalancer: alb.loadBalancer,
      targetGroup: alb.targetGroup,
      service: tasks.service,
    });
    this.service = tasks.service;
    this.taskDefinition = tasks.taskDefinition;
    this.loadBalancer = alb.loadBalancer;
    this.httpsOrigin = alb.httpsOrigin;
    this.origin = alb.origin;
    this.compute = tasks.service;
    this.grantPrincipal = tasks.taskDefinition.taskRole;
    this.connections = tasks.service.connections;
    this.metrics = alarms.metrics;
    this.alarms = alarms.alarms;
  }
}
