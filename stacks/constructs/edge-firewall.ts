import { Stack, aws_ssm as ssm, aws_wafv2 as wafv2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { EdgeConfig } from '../config';
import {
  apiBodySizeRule,
  authRateRule,
  customResponseBodies,
  managedRuleGroup,
  visibility,
} from './edge-rules';

export interface EdgeFirewallProps {
  /** Rate-based rule settings. */
  readonly config: EdgeConfig;
  /** The API's JSON body limit; larger declared `/api/*` bodies are blocked. */
  readonly apiBodyLimitBytes: number;
  /** Web ACL name; kept stable, so its ARN (which the app stack reads from SSM) is too. */
  readonly webAclName: string;
  /** SSM parameter (in this stack's region) that publishes the web ACL's ARN. */
  readonly arnParameterName: string;
}

/**
 * AWS WAF for CloudFront: it must live in us-east-1. Rules in evaluation order: IP reputation, the
 * `/api/auth/*` rate per IP, the API body limit, then the Common and Known-bad-inputs groups. The
 * ARN goes to an SSM parameter because the app stack is region-agnostic and cannot take a
 * cross-region reference.
 */
export class EdgeFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;
  readonly arnParameter: ssm.StringParameter;

  constructor(scope: Construct, id: string, props: EdgeFirewallProps) {
    super(scope, id);
    if (Stack.of(this).region !== 'us-east-1') {
      throw new Error(`A CloudFront web ACL must be created in us-east-1, not ${Stack.of(this).region}.`);
    }
    const rules = [
      managedRuleGroup('AWSManagedRulesAmazonIpReputationList'),
      authRateRule(props.config.authRequestsPerIp, props.config.authWindowSeconds),
      apiBodySizeRule(props.apiBodyLimitBytes),
      // Its 8 KB body cap would refuse answers the API accepts (up to 100 kB): ApiBodyTooLarge replaces it.
      managedRuleGroup('AWSManagedRulesCommonRuleSet', ['SizeRestrictions_BODY']),
      managedRuleGroup('AWSManagedRulesKnownBadInputsRuleSet'),
    ];
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: props.webAclName,
      description: 'ScaleMap edge: managed rule groups, auth rate per IP, API body size',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      customResponseBodies: customResponseBodies(props.apiBodyLimitBytes),
      rules: rules.map((rule, priority) => ({ ...rule, priority })),
      visibilityConfig: visibility(props.webAclName),
    });
    this.arnParameter = new ssm.StringParameter(this, 'WebAclArn', {
      parameterName: props.arnParameterName,
      stringValue: this.webAcl.attrArn,
      description: 'ARN of the CloudFront web ACL; read by the app stack at deploy time',
    });
  }
}
