import {
  aws_certificatemanager as acm,
  CfnResource,
  aws_cloudfront as cloudfront,
  Duration,
  aws_iam as iam,
  aws_logs as logs,
  aws_cloudfront_origins as origins,
  RemovalPolicy,
  Stack,
  aws_s3 as s3,
  aws_s3_assets as s3assets,
  aws_s3_deployment as s3deploy,
  Validations,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as headers from '../../functions/api/contract/security-headers';
import type { DomainConfig } from '../config';
import { acknowledge } from '../nag';
import { assertBuiltClient } from './client-build';

export interface FrontendProps {
  /** Built client (Vite output): `index.html` and the hashed `assets/` it references. */
  readonly clientAssetPath: string;
  /** Origin for `/api/*` (HTTP API or ALB). */
  readonly apiOrigin: cloudfront.IOrigin;
  /** Bucket for CloudFront and site-bucket access logs (ACLs enabled for CloudFront). */
  readonly logsBucket: s3.IBucket;
  /** @default - the distribution's own `*.cloudfront.net` name */
  readonly domain?: DomainConfig;
  /** The API origin is plain HTTP (an ALB without a certificate): CloudFront's CFR5 finding stands. */
  readonly plainHttpApiOrigin?: boolean;
  /** Origin browsers upload documents to (the documents bucket); allowed by the CSP's connect-src. */
  readonly storageOrigin: string;
  /** ARN of the WAF web ACL (us-east-1) that inspects every request to the distribution. */
  readonly webAclArn: string;
}

/** SPA routing on the default behavior only: deep links get index.html, /api/* 404s stay JSON. */
const spaRewrite = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) { request.uri = '/index.html'; }
  return request;
}`;

/** The app's security headers (functions/api/contract/security-headers.ts), as CloudFront settings. */
export function securityHeadersBehavior(storageOrigin: string): cloudfront.ResponseSecurityHeadersBehavior {
  const referrerPolicy = Object.values(cloudfront.HeadersReferrerPolicy).find(
    (p) => p === headers.referrerPolicy,
  );
  if (!referrerPolicy) throw new Error(`CloudFront has no referrer policy "${headers.referrerPolicy}"`);
  const hsts = headers.strictTransportSecurity;
  return {
    strictTransportSecurity: {
      accessControlMaxAge: Duration.seconds(hsts.maxAgeSeconds),
      includeSubdomains: hsts.includeSubDomains,
      preload: hsts.preload,
      override: true,
    },
    contentTypeOptions: { override: true },
    frameOptions: { frameOption: cloudfront.HeadersFrameOption[headers.frameOptions], override: true },
    referrerPolicy: { referrerPolicy, override: true },
    xssProtection: { protection: headers.xssProtection !== '0', override: true },
    contentSecurityPolicy: {
      contentSecurityPolicy: headers.contentSecurityPolicy({ storageOrigin, upgradeInsecureRequests: true }),
      override: true,
    },
  };
}

/** Private site bucket (OAC), CloudFront with the SPA and `/api/*`, security headers and logging. */
export class Frontend extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly siteBucket: s3.Bucket;
  /** `https://<domain>`: the one browser origin the API and the documents bucket allow. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: FrontendProps) {
    super(scope, id);
    assertBuiltClient(props.clientAssetPath);
    this.siteBucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.logsBucket,
      serverAccessLogsPrefix: 'site/',
      // Content is rebuilt on every deploy, but an orphaned bucket beats a failed stack delete.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.siteBucket).acknowledge({
      id: 'Annotation::@aws-cdk/aws-s3:accessLogsPolicyNotAdded',
      reason: 'The logs bucket (stateful stack) already lets logging.s3 write for this account.',
    });

    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: securityHeadersBehavior(props.storageOrigin),
      customHeadersBehavior: {
        customHeaders: Object.entries(headers.otherHeaders).map(([header, value]) => ({
          header,
          value,
          override: true,
        })),
      },
    });
    const spaRouting = new cloudfront.Function(this, 'SpaRouting', {
      code: cloudfront.FunctionCode.fromInline(spaRewrite),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for client-side routes',
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'ScaleMap: SPA + /api',
      webAclId: props.webAclArn,
      defaultRootObject: 'index.html',
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Only effective with a custom certificate (the default one is fixed at TLSv1).
      minimumProtocolVersion: props.domain ? cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
      domainNames: props.domain ? [props.domain.domainName] : undefined,
      certificate: props.domain
        ? acm.Certificate.fromCertificateArn(this, 'Cert', props.domain.cloudFrontCertificateArn)
        : undefined,
      enableLogging: true,
      logBucket: props.logsBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [
          { function: spaRouting, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: props.apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
      },
    });
    if (!props.domain) {
      acknowledge(
        this.distribution,
        'CFR4',
        'Without a stage domain the distribution uses the default *.cloudfront.net certificate, whose ' +
          'policy CloudFront fixes at TLSv1; a stage with a domain gets TLSv1.2_2021.',
      );
    }
    if (props.plainHttpApiOrigin) {
      acknowledge(
        this.distribution,
        'CFR5',
        'Without a stage domain the ALB has no certificate CloudFront could validate, so the origin is ' +
          'HTTP; it accepts only CloudFront prefix-list addresses carrying the secret header.',
      );
    }
    this.url = `https://${props.domain?.domainName ?? this.distribution.distributionDomainName}`;
    this.deploySite(props.clientAssetPath);
  }

  /**
   * Uploads the client: hashed assets cached for a year, index.html (and other unhashed files)
   * revalidated on every load, so no invalidation is needed. The handler's role is written here
   * instead of the construct's wildcard grants: it reads the zip by exact key, and the site bucket
   * grants it object access in its own policy, next to the bucket it covers.
   */
  private deploySite(clientAssetPath: string): void {
    const asset = new s3assets.Asset(this, 'Client', { path: clientAssetPath });
    const logGroup = new logs.LogGroup(this, 'DeployLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(this, 'DeployRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [asset.bucket.arnForObjects(asset.s3ObjectKey)],
      }),
    );
    this.siteBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [role],
        actions: ['s3:ListBucket'],
        resources: [this.siteBucket.bucketArn],
      }),
    );
    this.siteBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [role],
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [this.siteBucket.arnForObjects('*')],
      }),
    );
    const common = {
      sources: [s3deploy.Source.bucket(asset.bucket, asset.s3ObjectKey)],
      destinationBucket: this.siteBucket,
      role: role.withoutPolicyUpdates(),
      logGroup,
      memoryLimit: 512,
    };
    // Vite's content-hashed output: cached for a year. Pruning only touches assets/* here.
    const hashed = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      ...common,
      exclude: ['*'],
      include: ['assets/*'],
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    // index.html and unhashed files (favicon): revalidated on every load. Excluding assets/* keeps
    // this deployment's prune away from the hashed files.
    const entry = new s3deploy.BucketDeployment(this, 'DeployIndex', {
      ...common,
      exclude: ['assets/*'],
      cacheControl: [s3deploy.CacheControl.fromString('no-cache')],
    });
    // The new index.html only after the hashed files it references exist.
    entry.node.addDependency(hashed);
    // The deployments' shared handler is a stack-level singleton named by the library.
    const handler = Stack.of(this).node.children.find(
      (c) =>
        c.node.id.startsWith('Custom::CDKBucketDeployment') && CfnResource.isCfnResource(c.node.defaultChild),
    );
    if (handler) {
      acknowledge(
        handler,
        'L1',
        "The runtime of aws-cdk-lib's BucketDeployment handler is fixed by the library (python3.13, a " +
          'supported runtime); it moves forward with aws-cdk-lib upgrades, and the handler only runs at deploy.',
      );
    }
  }
}
