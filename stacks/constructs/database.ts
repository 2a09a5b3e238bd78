import {
  Duration,
  aws_ec2 as ec2,
  type aws_iam as iam,
  RemovalPolicy,
  aws_rds as rds,
  Validations,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { DatabaseConfig } from '../config';
import { acknowledge } from '../nag';

export interface DatabaseProps {
  /** The instance and proxy go in its isolated subnets. */
  readonly vpc: ec2.IVpc;
  /** Size, Multi-AZ, deletion protection and backups for the stage. */
  readonly config: DatabaseConfig;
  /**
   * Name of the application database.
   * @default 'scalemap'
   */
  readonly databaseName?: string;
  /**
   * Database user the app connects as through the proxy (IAM token, no password in the app).
   * @default 'scalemap'
   */
  readonly username?: string;
}

/** PostgreSQL 16 in isolated subnets behind an RDS Proxy that requires TLS and IAM auth. */
export class Database extends Construct {
  readonly instance: rds.DatabaseInstance;
  readonly proxy: rds.DatabaseProxy;
  readonly databaseName: string;
  readonly username: string;

  constructor(scope: Construct, id: string, props: DatabaseProps) {
    super(scope, id);
    this.databaseName = props.databaseName ?? 'scalemap';
    this.username = props.username ?? 'scalemap';
    const { config } = props;
    const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };

    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, sizes[config.instanceSize]),
      vpc: props.vpc,
      vpcSubnets: isolated,
      // Only the proxy connects directly, so a non-default port costs nothing and dodges port scans.
      port: 5433,
      databaseName: this.databaseName,
      credentials: rds.Credentials.fromGeneratedSecret(this.username),
      iamAuthentication: true,
      storageEncrypted: true,
      allocatedStorage: config.allocatedStorageGiB,
      maxAllocatedStorage: config.maxAllocatedStorageGiB,
      storageType: rds.StorageType.GP3,
      multiAz: config.multiAz,
      deletionProtection: config.deletionProtection,
      backupRetention: Duration.days(config.backupRetentionDays),
      cloudwatchLogsExports: ['postgresql', 'upgrade'],
      enablePerformanceInsights: config.instanceSize !== 'micro',
      autoMinorVersionUpgrade: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });
    if (!config.multiAz) {
      acknowledge(
        this.instance,
        'RDS3',
        'This stage runs single-AZ to halve the database cost; prod is Multi-AZ, and backups plus ' +
          'deletion protection cover the data here.',
      );
    }
    // Rotating the master secret is safe: the proxy re-reads it and the app never sees it (IAM tokens).
    this.instance.addRotationSingleUser({ automaticallyAfter: Duration.days(30) });

    this.proxy = this.instance.addProxy('Proxy', {
      vpc: props.vpc,
      vpcSubnets: isolated,
      secrets: [this.instance.secret!],
      iamAuth: true,
      requireTLS: true,
      // Lambda bursts open and close connections; the proxy pools them.
      borrowTimeout: Duration.seconds(5),
      maxConnectionsPercent: 90,
    });
  }

  /** Lets `grantee` open connections through the proxy as the app user, and nothing broader. */
  grantConnect(grantee: iam.IGrantable): iam.Grant {
    return this.proxy.grantConnect(grantee, this.username);
  }

  /** Opens the proxy's port to `peer` (a Lambda function or a Fargate service). */
  allowFrom(peer: ec2.IConnectable): void {
    // `allowTo` from the peer's side keeps the rule in the peer's stack (no cross-stack cycle);
    // `allowDefaultPortFrom` throws on a proxy, see NOTES.md.
    peer.connections.allowTo(this.proxy, ec2.Port.tcp(5432), 'app to RDS Proxy');
    for (const sg of peer.connections.securityGroups) {
      Validations.of(sg).acknowledge({
        id: 'Annotation::@aws-cdk/aws-ec2:ipv4IgnoreEgressRule',
        reason: 'The peer already allows all outbound traffic; only the proxy-side ingress rule matters.',
      });
    }
  }
}

const sizes: Record<DatabaseConfig['instanceSize'], ec2.InstanceSize> = {
  micro: ec2.InstanceSize.MICRO,
  small: ec2.InstanceSize.SMALL,
  medium: ec2.InstanceSize.MEDIUM,
  large: ec2.InstanceSize.LARGE,
};
