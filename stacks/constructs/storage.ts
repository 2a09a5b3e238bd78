import { CfnOutput, Duration, Fn, aws_iam as iam, RemovalPolicy, Stack, aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';

export interface StorageProps {
  /**
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Object key prefix the app writes under; grants are scoped to it. */
export const documentsPrefix = 'assessments/';

/** The documents bucket (private, encrypted, versioned) and the bucket that receives access logs. */
export class Storage extends Construct {
  readonly documentsBucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;
  /**
   * Export of the documents bucket ARN under a fixed name, so the app stack's grant (and its one
   * nag acknowledgement) names a stable value instead of a generated export.
   */
  readonly documentsArnExportName: string;

  constructor(scope: Construct, id: string, props: StorageProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are delivered with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy,
    });
    this.documentsBucket = new s3.Bucket(this, 'Documents', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'documents/',
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { noncurrentVersionExpiration: Duration.days(90) },
      ],
      // CORS is set by DocumentsCors in the app stack: the app origin is only known there.
      removalPolicy,
    });
    this.allowLogDelivery();
    this.documentsArnExportName = `${Stack.of(this).stackName}-DocumentsBucketArn`;
    new CfnOutput(this, 'DocumentsBucketArn', {
      value: this.documentsBucket.bucketArn,
      exportName: this.documentsArnExportName,
    });
  }

  /**
   * Lets this account's buckets (in later stacks too: no back-reference, so no cycle) deliver server
   * access logs here, each under its own prefix. CloudFront standard logs arrive through ACLs.
   */
  private allowLogDelivery(): void {
    const { account } = Stack.of(this);
    const logs = this.accessLogsBucket;
    logs.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [logs.arnForObjects('*')],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
  }

  /**
   * The access-logs bucket as seen from a later stack: an import, so log sources there never add
   * statements back to this stack (which would be a dependency cycle). Delivery is granted above.
   */
  importedAccessLogsBucket(scope: Construct): s3.IBucket {
    const id = 'ImportedAccessLogs';
    return (
      (scope.node.tryFindChild(id) as s3.IBucket | undefined) ??
      s3.Bucket.fromBucketAttributes(scope, id, {
        bucketArn: this.accessLogsBucket.bucketArn,
        bucketName: this.accessLogsBucket.bucketName,
      })
    );
  }

  /**
   * Read, write and delete objects under `assessments/*` only: no `s3:*`, no `Resource: *`.
   * Presigned URLs carry the grantee's permissions, so this also bounds what a browser can upload.
   * `s3:ListBucket` on the bucket itself is what the health check's HeadBucket needs.
   * Object versions: downloads are presigned for the version recorded at `complete`, and deleting a
   * draft or an account removes every version (ListBucketVersions finds them).
   */
  grantDocuments(grantee: iam.IGrantable): void {
    const arn = this.documentsArnFor(grantee);
    iam.Grant.addToPrincipal({
      grantee,
      actions: [
        's3:GetObject',
        's3:GetObjectVersion',
        's3:PutObject',
        's3:DeleteObject',
        's3:DeleteObjectVersion',
      ],
      resourceArns: [`${arn}/${documentsPrefix}*`],
    });
    if (grantee instanceof Construct) {
      acknowledge(
        grantee,
        `IAM5[Resource::${this.documentsArnExportName}/${documentsPrefix}*]`,
        'The app reads and writes user documents under assessments/* of the one documents bucket: object ' +
          'keys are created at runtime, so a key prefix is the narrowest possible grant.',
      );
    }
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:ListBucket', 's3:ListBucketVersions'],
      resourceArns: [arn],
    });
  }

  /** The documents bucket ARN; through the fixed export when used from another stack. */
  private documentsArnFor(scope: iam.IGrantable | Construct): string {
    const sameStack = scope instanceof Construct && Stack.of(scope) === Stack.of(this);
    return sameStack ? this.documentsBucket.bucketArn : Fn.importValue(this.documentsArnExportName);
  }
}
