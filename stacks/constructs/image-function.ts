import {
  Duration,
  aws_ec2 as ec2,
  type aws_ecr_assets as ecrAssets,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_logs as logs,
  RemovalPolicy,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { lambdaVpcEniActions } from '../nag';

export interface ImageFunctionProps {
  /** The one image; `cmd` picks the entry (`lambda.handler`, `migrate.handler`, `relay.handler`). */
  readonly image: ecrAssets.DockerImageAsset;
  /** Handler command, e.g. `migrate.handler`. */
  readonly cmd: string;
  /** The function runs in its private subnets (to reach the RDS Proxy). */
  readonly vpc: ec2.IVpc;
  /** App config, from `appEnvironment`. */
  readonly environment: Record<string, string>;
  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memoryMiB?: number;
  /** @default - unreserved */
  readonly reservedConcurrency?: number;
  /** @default lambda.Tracing.DISABLED */
  readonly tracing?: lambda.Tracing;
  /**
   * Shown in the console.
   * @default - none
   */
  readonly description?: string;
}

/** A Lambda function from the one image, in the private subnets, with a 30-day log group. */
export class ImageFunction extends Construct {
  readonly function: lambda.DockerImageFunction;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ImageFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const tracing = props.tracing ?? lambda.Tracing.DISABLED;
    // Written out instead of the AWS-managed basic/VPC execution policies: logs go to this log group only.
    const role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    // Lambda manages the function's ENIs with the function's role; these actions take no resource ARN.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: lambdaVpcEniActions,
        resources: ['*'],
      }),
    );
    this.function = new lambda.DockerImageFunction(this, 'Function', {
      role,
      code: lambda.DockerImageCode.fromEcr(props.image.repository, {
        tagOrDigest: props.image.imageTag,
        cmd: [props.cmd],
      }),
      architecture: lambda.Architecture.X86_64,
      description: props.description,
      memorySize: props.memoryMiB ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      reservedConcurrentExecutions: props.reservedConcurrency,
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      environment: props.environment,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing,
    });
  }
}
