import { type aws_iam as iam, aws_secretsmanager as sm } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';

/** Header CloudFront adds to every /api request; the API refuses requests without it. */
export const originVerifyHeader = 'x-origin-verify';

/**
 * The secret value CloudFront sends as `x-origin-verify` and the API's front door (HTTP API
 * authorizer or ALB rule) requires, so the API is reachable only through CloudFront: no WAF or
 * header bypass through the raw execute-api or ALB name. The value reaches CloudFront and the ALB as
 * a CloudFormation dynamic reference, never as a literal in the template.
 */
export interface OriginVerifyProps {
  /**
   * Header name, lower-case (API Gateway passes header names lower-cased).
   * @default 'x-origin-verify'
   */
  readonly headerName?: string;
}

export class OriginVerify extends Construct {
  readonly secret: sm.Secret;
  readonly headerName: string;

  constructor(scope: Construct, id: string, props: OriginVerifyProps = {}) {
    super(scope, id);
    this.headerName = (props.headerName ?? originVerifyHeader).toLowerCase();
    this.secret = new sm.Secret(this, 'Secret', {
      description: 'Shared secret header between CloudFront and the API front door',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
    acknowledge(
      this.secret,
      'SMG4',
      'The origin-verify header value is copied into CloudFront and the API front door at deploy time; an ' +
        'automatic rotation would desynchronise them. Rotate with a new secret in code, so one deploy updates both.',
    );
  }

  /** `{{resolve:secretsmanager:…}}`: resolved by CloudFormation at deploy time. */
  get value(): string {
    return this.secret.secretValue.unsafeUnwrap();
  }

  /** Lets a function read the value at runtime (the Lambda authorizer). */
  grantRead(grantee: iam.IGrantable): iam.Grant {
    return this.secret.grantRead(grantee);
  }
}
