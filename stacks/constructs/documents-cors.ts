import { custom_resources as cr, aws_iam as iam, type aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CustomResourceRole } from './custom-resource-role';

export interface DocumentsCorsProps {
  /** The documents bucket (stateful stack). */
  readonly bucket: s3.IBucket;
  /** Browser origins allowed to upload with presigned URLs (the app origin only). */
  readonly allowedOrigins: string[];
}

/**
 * Sets the documents bucket's CORS rule at deploy time. The bucket lives in the stateful stack, the
 * app origin (the distribution's domain) in the later app stack; a template property would need a
 * reference back from stateful to stateless, which is a dependency cycle. The data stack never sets
 * CORS, so CloudFormation never overwrites this.
 */
export class DocumentsCors extends Construct {
  constructor(scope: Construct, id: string, props: DocumentsCorsProps) {
    super(scope, id);
    const call: cr.AwsSdkCall = {
      service: 'S3',
      action: 'putBucketCors',
      parameters: {
        Bucket: props.bucket.bucketName,
        CORSConfiguration: {
          CORSRules: [
            {
              AllowedOrigins: props.allowedOrigins,
              // Uploads are presigned POSTs (ADR 0001); GET lets the client fetch a presigned download.
              AllowedMethods: ['POST', 'GET'],
              AllowedHeaders: ['content-type', 'content-length', 'x-amz-*'],
              ExposeHeaders: ['ETag'],
              MaxAgeSeconds: 3000,
            },
          ],
        },
      },
      physicalResourceId: cr.PhysicalResourceId.of('documents-cors'),
    };
    new cr.AwsCustomResource(this, 'PutCors', {
      onCreate: call,
      onUpdate: call,
      onDelete: {
        service: 'S3',
        action: 'deleteBucketCors',
        parameters: { Bucket: props.bucket.bucketName },
      },
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({ actions: ['s3:PutBucketCORS'], resources: [props.bucket.bucketArn] }),
      ]),
      installLatestAwsSdk: false,
      role: CustomResourceRole.of(this).role,
      logGroup: CustomResourceRole.of(this).logGroup,
    });
  }
}
