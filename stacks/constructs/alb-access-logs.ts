import {
  Duration,
  type aws_elasticloadbalancingv2 as elbv2,
  aws_iam as iam,
  RemovalPolicy,
  Stack,
  aws_s3 as s3,
  Validations,
} from 'aws-cdk-lib';
import { FactName } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';

export interface AlbAccessLogsProps {
  /** The load balancer whose access logs to keep. */
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** Where this bucket's own S3 server access logs go. */
  readonly serverAccessLogsBucket: s3.IBucket;
}

/**
 * ALB access logs in a bucket of their own (SSE-S3: ELB cannot write to KMS-encrypted buckets).
 * `logAccessLogs()` needs a concrete region, which env-agnostic stacks do not have, so the delivery
 * policy is written here: the regional ELB account through a region map (regions launched before
 * 2022) and the log-delivery service principal (newer regions). Keeping it in the Fargate target
 * means the region map never constrains the stateful stack or the Lambda target.
 */
export class AlbAccessLogs extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AlbAccessLogsProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.serverAccessLogsBucket,
      serverAccessLogsPrefix: 'alb-logs-bucket/',
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'Annotation::@aws-cdk/aws-s3:accessLogsPolicyNotAdded',
      reason: 'The logs bucket (stateful stack) already lets logging.s3 write for this account.',
    });
    const stack = Stack.of(this);
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [
          new iam.AccountPrincipal(stack.regionalFact(FactName.ELBV2_ACCOUNT)),
          new iam.ServicePrincipal('logdelivery.elasticloadbalancing.amazonaws.com'),
        ],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`AWSLogs/${stack.account}/*`)],
      }),
    );
    props.loadBalancer.setAttribute('access_logs.s3.enabled', 'true');
    props.loadBalancer.setAttribute('access_logs.s3.bucket', this.bucket.bucketName);
    // The ALB checks write access when the attribute is set, so the policy must exist first.
    props.loadBalancer.node.addDependency(this.bucket);
  }
}
