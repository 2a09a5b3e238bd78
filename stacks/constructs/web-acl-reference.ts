import { Arn, custom_resources as cr, aws_iam as iam, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CustomResourceRole } from './custom-resource-role';

export interface WebAclReferenceProps {
  /** Region of the SSM parameter (us-east-1, the edge stack's). */
  readonly region: string;
  /** The SSM parameter holding the web ACL's ARN. */
  readonly parameterName: string;
}

/**
 * Reads the CloudFront web ACL's ARN from SSM in us-east-1 at deploy time: the region-agnostic app
 * stack cannot take a `crossRegionReferences` import, and a web ACL's ARN ends in a generated id.
 * The read is granted on that one parameter. The edge stack keeps the web ACL's name, so the ARN is
 * stable; a renamed web ACL needs this resource's parameters changed to be re-read.
 */
export class WebAclReference extends Construct {
  /** `arn:aws:wafv2:us-east-1:…:global/webacl/…`, resolved at deploy time. */
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: WebAclReferenceProps) {
    super(scope, id);
    const parameterArn = Arn.format({
      service: 'ssm',
      region: props.region,
      account: Stack.of(this).account,
      resource: 'parameter',
      resourceName: props.parameterName.replace(/^\//, ''),
      partition: Stack.of(this).partition,
    });
    const lookup = new cr.AwsCustomResource(this, 'Lookup', {
      onUpdate: {
        service: 'SSM',
        action: 'getParameter',
        parameters: { Name: props.parameterName },
        region: props.region,
        physicalResourceId: cr.PhysicalResourceId.of(props.parameterName),
        outputPaths: ['Parameter.Value'],
      },
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: [parameterArn] }),
      ]),
      installLatestAwsSdk: false,
      role: CustomResourceRole.of(this).role,
      logGroup: CustomResourceRole.of(this).logGroup,
    });
    this.webAclArn = lookup.getResponseField('Parameter.Value');
  }
}
