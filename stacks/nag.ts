import {
  CfnResource,
  type IPolicyValidationContext,
  type IPolicyValidationPlugin,
  type PolicyValidationPluginReport,
  Validations,
} from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { StageConfig } from './config';
import { ApiFargate } from './constructs/api-fargate';
import type { ScaleMap } from './scalemap';

/**
 * Actions allowed under `Resource: *`: each has no resource-level permissions in IAM, so `*` is the
 * only possible resource. The nag test fails if any other action appears with `Resource: *`, which is
 * what keeps the one stack-wide `IAM5[Resource::*]` acknowledgement honest.
 */
export const actionsWithoutResourceLevelPermissions = [
  // Lambda in a VPC: the function's role creates and deletes its ENIs.
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
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

function ack(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-${id}`, reason });
}

/**
 * Every cdk-nag AwsSolutions acknowledgement, in one place, each on the narrowest scope that holds
 * the finding and with the reason it stands. Stage-dependent ones exist only when the stage needs
 * them. Fix a finding before adding a line here; the test caps the list at 8 per target.
 */
export function acknowledgeNagFindings(sm: ScaleMap, config: StageConfig): void {
  const { data, app } = sm;
  const { api, frontend } = app;

  ack(
    app,
    'IAM5[Resource::*]',
    'Only actions without resource-level permissions use Resource * (VPC ENIs, X-Ray, ECR login, ' +
      'DescribeAlarms, DescribeManagedPrefixLists); the nag test enforces that allow-list.',
  );
  ack(
    api,
    `IAM5[Resource::${data.storage.documentsArnExportName}/assessments/*]`,
    'The app reads and writes user documents under assessments/* of the one documents bucket: object ' +
      'keys are created at runtime, so a key prefix is the narrowest possible grant.',
  );
  const bucketDeploymentHandler = app.node.children.find(
    (c) =>
      c.node.id.startsWith('Custom::CDKBucketDeployment') && CfnResource.isCfnResource(c.node.defaultChild),
  );
  if (bucketDeploymentHandler) {
    ack(
      bucketDeploymentHandler,
      'L1',
      "The runtime of aws-cdk-lib's BucketDeployment handler is fixed by the library (python3.13, a " +
        'supported runtime); it moves forward with aws-cdk-lib upgrades, and the handler only runs at deploy.',
    );
  }

  if (api instanceof ApiFargate) {
    ack(
      api.taskDefinition,
      'ECS2',
      'Only non-secret settings are plain env vars (the config-parity test checks it); the DB uses IAM ' +
        'tokens and has no password, and any future secret goes in `secrets` from Secrets Manager.',
    );
    if (!api.httpsOrigin) {
      ack(
        frontend.distribution,
        'CFR5',
        'Without a stage domain the ALB has no certificate CloudFront could validate, so the origin is ' +
          'HTTP; it accepts only CloudFront prefix-list addresses carrying the secret header.',
      );
    }
  }
  ack(
    app.originVerify.secret,
    'SMG4',
    'The origin-verify header value is copied into CloudFront and the API front door at deploy time; an ' +
      'automatic rotation would desynchronise them. Rotate with a new secret in code, so one deploy updates both.',
  );
  if (!config.domain) {
    ack(
      frontend.distribution,
      'CFR4',
      'Without a stage domain the distribution uses the default *.cloudfront.net certificate, whose ' +
        'policy CloudFront fixes at TLSv1; a stage with a domain gets TLSv1.2_2021.',
    );
  }
  if (!config.database.multiAz) {
    ack(
      data.database.instance,
      'RDS3',
      `Stage ${config.name} runs single-AZ to halve the database cost; prod is Multi-AZ, and backups ` +
        'plus deletion protection cover the data here.',
    );
  }
}
