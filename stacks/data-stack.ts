import { type aws_ec2 as ec2, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from './config';
import { Auth } from './constructs/auth';
import { Database } from './constructs/database';
import { Storage } from './constructs/storage';

export interface DataStackProps extends StackProps {
  /** Stage settings. */
  readonly config: StageConfig;
  /** The network stack's VPC. */
  readonly vpc: ec2.IVpc;
}

/**
 * Everything stateful: database, user pool, buckets. Retained (or snapshotted) on delete, and its
 * logical ids are pinned by a test: renaming one would replace the resource and lose its data.
 */
export class DataStack extends Stack {
  readonly database: Database;
  readonly auth: Auth;
  readonly storage: Storage;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, { terminationProtection: props.config.name === 'prod', ...props });
    this.database = new Database(this, 'Database', { vpc: props.vpc, config: props.config.database });
    this.auth = new Auth(this, 'Auth', {
      plan: props.config.userPoolPlan,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.storage = new Storage(this, 'Storage', { removalPolicy: RemovalPolicy.RETAIN });
  }
}
