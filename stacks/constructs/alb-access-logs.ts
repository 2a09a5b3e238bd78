import type { aws_elasticloadbalancingv2 as elbv2, aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface AlbAccessLogsProps {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** Bucket whose policy already lets ELB log delivery write under `<prefix>/AWSLogs/<account>/`. */
  readonly bucket: s3.IBucket;
  /** @default 'alb' */
  readonly prefix?: string;
}

/**
 * Turns on ALB access logs. `logAccessLogs()` needs a concrete region (env-agnostic stacks have
 * none) and edits the bucket policy, which lives in the stateful stack; `Storage` grants delivery
 * there, so this only sets the load balancer attributes.
 */
export class AlbAccessLogs extends Construct {
  constructor(scope: Construct, id: string, props: AlbAccessLogsProps) {
    super(scope, id);
    props.loadBalancer.setAttribute('access_logs.s3.enabled', 'true');
    props.loadBalancer.setAttribute('access_logs.s3.bucket', props.bucket.bucketName);
    props.loadBalancer.setAttribute('access_logs.s3.prefix', props.prefix ?? 'alb');
  }
}
