import {
  type IPolicyValidationContext,
  type IPolicyValidationPlugin,
  type PolicyValidationPluginReport,
  Validations,
} from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * Actions allowed under `Resource: *`: each has no resource-level permissions in IAM, so `*` is the
 * only possible resource. The nag test fails if any other action appears with `Resource: *`, which is
 * what keeps the one stack-wide `IAM5[Resource::*]` acknowledgement (in AppStack) honest.
 */
/** Lambda in a VPC: the function's role creates and deletes its ENIs. */
export const lambdaVpcEniActions = [
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
];

export const actionsWithoutResourceLevelPermissions = [
  ...lambdaVpcEniActions,
  // X-Ray (Lambda active tracing, Fargate daemon sidecar).
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'xray:GetSamplingStatisticSummaries',
  // ECS execution role: registry login before pulling the image.
  'ecr:GetAuthorizationToken',
  // CodeDeploy canary checks its rollback alarms.
  'cloudwatch:DescribeAlarms',
  // Deploy-time lookup of CloudFront's origin-facing prefix list id.
  'ec2:DescribeManagedPrefixLists',
];

/**
 * AwsSolutions checks that fail synth on errors only. cdk-nag 3.0.2 reports `success: false` for
 * warnings too (WAF, geo restriction, MFA), and CDK cannot un-fail it when cdk-nag has already
 * filtered the acknowledged errors itself; warnings stay visible in the report.
 */
export class AwsSolutionsErrors implements IPolicyValidationPlugin {
  readonly name = 'AwsSolutions';
  private readonly checks: AwsSolutionsChecks;

  constructor(scope: IConstruct) {
    this.checks = new AwsSolutionsChecks(scope);
  }

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const report = this.checks.validate(context);
    return { ...report, success: report.violations.every((v) => v.severity !== 'error') };
  }
}

/**
 * Acknowledges one cdk-nag AwsSolutions finding on the narrowest scope that holds it, with the reason
 * it stands. Each call sits beside the construct it concerns, and exists only where the stage needs it.
 * Fix a finding before adding one: the nag test caps them at 8 per target, each with its own reason.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-${id}`, reason });
}
