import {
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  custom_resources as cr,
  Duration,
  aws_ec2 as ec2,
  aws_elasticloadbalancingv2 as elbv2,
  aws_cloudfront_origins as origins,
  type aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AlbAccessLogs } from './alb-access-logs';
import { CustomResourceRole } from './custom-resource-role';
import type { OriginVerify } from './origin-verify';

export interface CloudFrontOnlyAlbProps {
  /** The ALB runs in its public subnets. */
  readonly vpc: ec2.IVpc;
  /** What the ALB forwards to (port 3000, `/api/health`). */
  readonly target: elbv2.IApplicationLoadBalancerTarget;
  /** Bucket for the access-log bucket's own server access logs. */
  readonly accessLogsBucket: s3.IBucket;
  /** Secret header CloudFront adds; the listener forwards only requests carrying it. */
  readonly originVerify: OriginVerify;
  /**
   * HTTPS origin: ALB certificate (stage region) and the DNS name CloudFront uses for the ALB.
   * @default - HTTP listener on 80, restricted to CloudFront and the secret origin header
   */
  readonly https?: { readonly certificateArn: string; readonly originDomainName: string };
}

/**
 * An internet-facing ALB that only CloudFront can use: its security group admits CloudFront's
 * origin-facing prefix list alone, and its listener forwards only requests carrying the secret
 * origin header (anything else gets 403). Exposes the CloudFront origin that sends that header.
 */
export class CloudFrontOnlyAlb extends Construct {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly origin: cloudfront.IOrigin;
  /** Whether CloudFront reaches the ALB over HTTPS (a stage domain and certificate are set). */
  readonly httpsOrigin: boolean;

  constructor(scope: Construct, id: string, props: CloudFrontOnlyAlbProps) {
    super(scope, id);
    const { https } = props;
    this.httpsOrigin = https !== undefined;
    const albSg = new ec2.SecurityGroup(this, 'AlbSg', {
      vpc: props.vpc,
      description: 'ALB: CloudFront origin-facing addresses only',
      allowAllOutbound: false,
    });
    const listenPort = https ? 443 : 80;
    albSg.addIngressRule(
      ec2.Peer.prefixList(this.lookUpCloudFrontPrefixList()),
      ec2.Port.tcp(listenPort),
      'CloudFront only',
    );
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      vpc: props.vpc,
      internetFacing: true,
      securityGroup: albSg,
      dropInvalidHeaderFields: true,
      idleTimeout: Duration.seconds(60),
    });
    new AlbAccessLogs(this, 'AccessLogs', {
      loadBalancer: this.loadBalancer,
      serverAccessLogsBucket: props.accessLogsBucket,
    });
    this.targetGroup = new elbv2.ApplicationTargetGroup(this, 'Targets', {
      vpc: props.vpc,
      port: 3000,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      targets: [props.target],
      // Tasks drain in-flight requests before SIGTERM; requests are short, so 30 s is plenty.
      deregistrationDelay: Duration.seconds(30),
      healthCheck: {
        path: '/api/health',
        healthyHttpCodes: '200',
        interval: Duration.seconds(15),
        healthyThresholdCount: 2,
      },
    });

    const { headerName, value: secretValue } = props.originVerify;
    const listener = https
      ? this.loadBalancer.addListener('Https', {
          port: 443,
          certificates: [acm.Certificate.fromCertificateArn(this, 'Cert', https.certificateArn)],
          sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
          open: false,
          defaultAction: forbidden(),
        })
      : this.loadBalancer.addListener('Http', { port: 80, open: false, defaultAction: forbidden() });
    listener.addTargetGroups('FromCloudFront', {
      priority: 10,
      conditions: [elbv2.ListenerCondition.httpHeader(headerName, [secretValue])],
      targetGroups: [this.targetGroup],
    });
    if (https) {
      // No ingress for port 80: CloudFront connects over HTTPS only, and the origin-facing prefix list
      // weighs 55 rules against the default 60 per security group, so it can be referenced once.
      this.loadBalancer.addRedirect({ sourcePort: 80, targetPort: 443, open: false });
    }
    this.origin = new origins.HttpOrigin(https?.originDomainName ?? this.loadBalancer.loadBalancerDnsName, {
      protocolPolicy: https
        ? cloudfront.OriginProtocolPolicy.HTTPS_ONLY
        : cloudfront.OriginProtocolPolicy.HTTP_ONLY,
      customHeaders: { [headerName]: secretValue },
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      readTimeout: Duration.seconds(30),
    });
  }

  /**
   * The id of `com.amazonaws.global.cloudfront.origin-facing` differs per region, and synth must stay
   * offline and environment-agnostic, so it is looked up at deploy time.
   */
  private lookUpCloudFrontPrefixList(): string {
    const lookup = new cr.AwsCustomResource(this, 'CloudFrontPrefixList', {
      onUpdate: {
        service: 'EC2',
        action: 'describeManagedPrefixLists',
        parameters: {
          Filters: [{ Name: 'prefix-list-name', Values: ['com.amazonaws.global.cloudfront.origin-facing'] }],
        },
        physicalResourceId: cr.PhysicalResourceId.of('cloudfront-origin-facing'),
        outputPaths: ['PrefixLists.0.PrefixListId'],
      },
      // Describe* calls have no resource-level permissions.
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
      installLatestAwsSdk: false,
      role: CustomResourceRole.of(this).role,
      logGroup: CustomResourceRole.of(this).logGroup,
    });
    return lookup.getResponseField('PrefixLists.0.PrefixListId');
  }
}

function forbidden(): elbv2.ListenerAction {
  return elbv2.ListenerAction.fixedResponse(403, { contentType: 'text/plain', messageBody: 'Forbidden' });
}
