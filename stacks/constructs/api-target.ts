import type {
  aws_cloudfront as cloudfront,
  aws_cloudwatch as cw,
  aws_ec2 as ec2,
  aws_iam as iam,
} from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** What the rest of the app needs from either target (Lambda or Fargate). */
export interface ApiTarget extends IConstruct, iam.IGrantable, ec2.IConnectable {
  /** What serves requests (function or service): migrations must finish before it changes. */
  readonly compute: IConstruct;
  /** Origin for CloudFront's `/api/*` behavior. */
  readonly origin: cloudfront.IOrigin;
  /** Request, 5xx and latency metrics at the target's front door (HTTP API or ALB). */
  readonly metrics: {
    readonly requests: cw.IMetric;
    readonly serverErrors: cw.IMetric;
    readonly latencyP95: cw.IMetric;
  };
  /** Target-specific alarms (errors, throttles, task health); monitoring routes them to SNS. */
  readonly alarms: cw.Alarm[];
}
