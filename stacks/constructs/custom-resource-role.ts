import { aws_iam as iam, aws_logs as logs, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * One role and log group for the stack's `AwsCustomResource` singleton function, written here so its
 * logging permission names the log group instead of the AWS-managed basic execution policy.
 * Each custom resource adds its own narrow SDK statements to the role.
 */
export class CustomResourceRole extends Construct {
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  /** The stack's instance, created on first use. */
  static of(scope: Construct): CustomResourceRole {
    const stack = Stack.of(scope);
    const id = 'CustomResourceRole';
    return (
      (stack.node.tryFindChild(id) as CustomResourceRole | undefined) ?? new CustomResourceRole(stack, id)
    );
  }

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
  }
}
