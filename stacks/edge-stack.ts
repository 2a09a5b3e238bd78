import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { apiJsonBodyLimitBytes, edgeRegion, type StageConfig } from './config';
import { EdgeFirewall } from './constructs/edge-firewall';

export interface EdgeStackProps extends Omit<StackProps, 'env'> {
  /** Stage settings. */
  readonly config: StageConfig;
}

/**
 * What CloudFront needs in us-east-1: the WAF web ACL. Its region is fixed (account left to the CLI);
 * it holds no assets and makes no look-ups, so synth stays offline.
 */
export class EdgeStack extends Stack {
  readonly firewall: EdgeFirewall;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { ...props, env: { region: edgeRegion } });
    this.firewall = new EdgeFirewall(this, 'Firewall', {
      config: props.config.edge,
      apiBodyLimitBytes: apiJsonBodyLimitBytes,
      webAclName: `ScaleMap-${props.config.name}-edge`,
      arnParameterName: EdgeStack.webAclArnParameter(props.config.name),
    });
  }

  /** Where the web ACL's ARN is published (in us-east-1) for the app stack to read. */
  static webAclArnParameter(stage: string): string {
    return `/scalemap/${stage}/edge/web-acl-arn`;
  }
}
