import { aws_ec2 as ec2, aws_logs as logs, RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface NetworkProps {
  /**
   * NAT gateways: 1 in dev (cost), one per AZ in prod (an AZ outage must not cut egress).
   * @default 1
   */
  readonly natGateways?: number;
  /**
   * Add CloudWatch Logs and EventBridge interface endpoints (traffic that would otherwise cross the NAT).
   * @default false
   */
  readonly interfaceEndpoints?: boolean;
  /**
   * VPC address range (a literal, so security group rules can name it).
   * @default '10.40.0.0/16'
   */
  readonly cidr?: string;
  /**
   * Retention of the VPC flow logs.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly flowLogRetention?: logs.RetentionDays;
}

/** VPC over 2 AZs: public, private-with-egress and isolated subnets, S3 gateway endpoint, flow logs. */
export class Network extends Construct {
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: NetworkProps = {}) {
    super(scope, id);
    const cidr = props.cidr ?? '10.40.0.0/16';
    const flowLogGroup = new logs.LogGroup(this, 'FlowLogs', {
      retention: props.flowLogRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(cidr),
      maxAzs: 2,
      natGateways: props.natGateways ?? 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      // S3 traffic (documents, presign checks, image layers) skips the NAT for free.
      gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
      flowLogs: {
        all: { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup) },
      },
    });
    // Interface endpoints cost ~$7/month per AZ each, so only where they carry steady traffic:
    // Fargate's log stream and the per-minute outbox relay would otherwise go through the NAT.
    if (!props.interfaceEndpoints) return;
    for (const [name, service] of [
      ['Logs', ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS],
      ['Events', ec2.InterfaceVpcEndpointAwsService.EVENTBRIDGE],
    ] as const) {
      this.vpc
        .addInterfaceEndpoint(name, {
          service,
          subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
          open: false,
        })
        .connections.allowFrom(ec2.Peer.ipv4(cidr), ec2.Port.tcp(443), 'HTTPS from inside the VPC');
    }
  }
}
