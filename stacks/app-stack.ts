import { CfnOutput, Duration, type aws_ec2 as ec2, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { edgeRegion, type StageConfig, type Target } from './config';
import { ApiFargate } from './constructs/api-fargate';
import { ApiLambda } from './constructs/api-lambda';
import type { ApiTarget } from './constructs/api-target';
import { appEnvironment } from './constructs/app-env';
import { DocumentsCors } from './constructs/documents-cors';
import { Events } from './constructs/events';
import { Frontend } from './constructs/frontend';
import { Image } from './constructs/image';
import { ImageFunction } from './constructs/image-function';
import { Migrations } from './constructs/migrations';
import { Monitoring } from './constructs/monitoring';
import { OriginVerify } from './constructs/origin-verify';
import { WebAclReference } from './constructs/web-acl-reference';
import type { DataStack } from './data-stack';
import { acknowledge } from './nag';

export interface AppStackProps extends StackProps {
  /** Stage settings. */
  readonly config: StageConfig;
  /** Where the API runs. */
  readonly target: Target;
  /** The network stack's VPC. */
  readonly vpc: ec2.IVpc;
  /** The stateful stack: database, user pool, buckets. */
  readonly data: DataStack;
  /** Docker build context (repository root). */
  readonly repoRoot: string;
  /** Built client; must contain index.html. */
  readonly clientAssetPath: string;
  /** Committed migrations; their hash re-runs the migrate trigger. */
  readonly migrationsDir: string;
  /** Where the edge stack publishes its web ACL's ARN: an SSM parameter in `edgeRegion`. */
  readonly webAclArnParameter: string;
}

/** Stateless: the image, migrations, events, the API on the chosen target, CloudFront, monitoring. */
export class AppStack extends Stack {
  readonly image: Image;
  readonly api: ApiTarget;
  readonly frontend: Frontend;
  /** Secret header between CloudFront and the API front door. */
  readonly originVerify: OriginVerify;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    acknowledge(
      this,
      'IAM5[Resource::*]',
      'Only actions without resource-level permissions use Resource * (VPC ENIs, X-Ray, ECR login, ' +
        'DescribeAlarms, DescribeManagedPrefixLists); the nag test enforces that allow-list.',
    );
    const { config, target, data, vpc } = props;
    const { database, auth, storage } = data;

    this.image = new Image(this, 'Image', {
      directory: props.repoRoot,
      manageRegistryScanning: config.manageRegistryScanning,
    });
    const events = new Events(this, 'Events');
    this.originVerify = new OriginVerify(this, 'OriginVerify');
    const { originVerify } = this;
    // The distribution is created after the API (it needs the origin); its URL is resolved lazily.
    const appUrl = Lazy.string({ produce: () => this.frontend.url });
    const env = (t: Target, tracing = false) =>
      appEnvironment({
        target: t,
        tracing,
        region: this.region,
        logLevel: config.logLevel,
        allowedOrigins: [appUrl],
        dbHost: database.proxy.endpoint,
        dbName: database.databaseName,
        dbUser: database.username,
        documentsBucket: storage.documentsBucket.bucketName,
        userPoolId: auth.userPool.userPoolId,
        userPoolClientId: auth.client.userPoolClientId,
        autoConfirmSignups: config.autoConfirmSignups,
        eventBusName: events.bus.eventBusName,
        version: this.image.asset.assetHash.slice(0, 12),
      });

    const migrate = new ImageFunction(this, 'Migrate', {
      image: this.image.asset,
      cmd: 'migrate.handler',
      vpc,
      environment: env('lambda'),
      timeout: Duration.minutes(5),
      description: 'Applies pending database migrations (deploy-time trigger)',
    });
    const migrations = new Migrations(this, 'Migrations', {
      handler: migrate.function,
      migrationsDir: props.migrationsDir,
      executeAfter: [database.instance, database.proxy],
    });
    const relay = new ImageFunction(this, 'Relay', {
      image: this.image.asset,
      cmd: 'relay.handler',
      vpc,
      environment: env('lambda'),
      timeout: Duration.seconds(50),
      description: 'Publishes outbox rows to EventBridge',
    });
    events.scheduleRelay(relay.function);

    const api =
      target === 'lambda'
        ? new ApiLambda(this, 'ApiLambda', {
            image: this.image.asset,
            vpc,
            environment: env('lambda', true),
            reservedConcurrency: config.lambda.reservedConcurrency,
            memoryMiB: config.lambda.memoryMiB,
            throttle: config.throttle,
            originVerify,
          })
        : new ApiFargate(this, 'ApiFargate', {
            image: this.image.asset,
            vpc,
            environment: env('fargate', true),
            minTasks: config.fargate.minTasks,
            maxTasks: config.fargate.maxTasks,
            accessLogsBucket: storage.importedAccessLogsBucket(this),
            originVerify,
            https: config.domain && {
              certificateArn: config.domain.albCertificateArn,
              originDomainName: config.domain.originDomainName,
            },
          });
    this.api = api;
    // Migrations finish before the new API version (or task definition) goes live.
    migrations.trigger.executeBefore(api.compute);

    for (const compute of [this.api, migrate.function, relay.function]) {
      database.grantConnect(compute);
      database.allowFrom(compute);
    }
    // The proxy ingress rules are children of the clients' security groups; the trigger must not
    // connect before its rule exists (its role policy is already a dependency of the function).
    migrations.trigger.node.addDependency(...migrate.function.connections.securityGroups);
    storage.grantDocuments(this.api);
    if (config.autoConfirmSignups) auth.userPool.grant(this.api, 'cognito-idp:AdminConfirmSignUp');

    this.frontend = new Frontend(this, 'Frontend', {
      clientAssetPath: props.clientAssetPath,
      apiOrigin: this.api.origin,
      logsBucket: storage.importedAccessLogsBucket(this),
      domain: config.domain,
      plainHttpApiOrigin: api instanceof ApiFargate && !api.httpsOrigin,
      // Where the app presigns document uploads (functions/api/app.ts: storageOrigin).
      storageOrigin: `https://${storage.documentsBucket.bucketName}.s3.${this.region}.amazonaws.com`,
      webAclArn: new WebAclReference(this, 'WebAcl', {
        region: edgeRegion,
        parameterName: props.webAclArnParameter,
      }).webAclArn,
    });
    new CfnOutput(this, 'Url', { value: this.frontend.url, description: 'The app (CloudFront)' });
    new DocumentsCors(this, 'DocumentsCors', {
      bucket: storage.documentsBucket,
      allowedOrigins: [this.frontend.url],
    });
    new Monitoring(this, 'Monitoring', {
      api: this.api,
      database: database.instance,
      deadLetterQueue: events.deadLetterQueue,
      alarmEmail: config.alarmEmail,
    });
  }
}
