import { Construct } from 'constructs';
import { AppStack } from './app-stack';
import type { StageConfig, Target } from './config';
import { DataStack } from './data-stack';
import { EdgeStack } from './edge-stack';
import { NetworkStack } from './network-stack';

export interface ScaleMapProps {
  /** Stage settings. */
  readonly config: StageConfig;
  /** Where the API runs. */
  readonly target: Target;
  /** Docker build context (repository root). */
  readonly repoRoot: string;
  /** Built client (`client/dist`); tests pass a temp dir with a stub index.html. */
  readonly clientAssetPath: string;
  /** Committed drizzle migrations (may not exist yet). */
  readonly migrationsDir: string;
}

/**
 * One deployable stage: network → data (stateful) → app (stateless, per target), plus the edge stack
 * in us-east-1 (WAF for CloudFront) that the app depends on. Plain stacks under the app rather than a
 * `Stage`, so `cdk deploy --all` picks them up.
 */
export class ScaleMap extends Construct {
  readonly network: NetworkStack;
  readonly data: DataStack;
  readonly edge: EdgeStack;
  readonly app: AppStack;

  constructor(scope: Construct, id: string, props: ScaleMapProps) {
    super(scope, id);
    const prefix = `ScaleMap-${props.config.name}`;
    const description = `ScaleMap (${props.config.name})`;
    const common = { config: props.config };
    this.network = new NetworkStack(this, 'Network', {
      ...common,
      stackName: `${prefix}-Network`,
      description,
    });
    this.data = new DataStack(this, 'Data', {
      ...common,
      stackName: `${prefix}-Data`,
      description: `${description}: stateful resources`,
      vpc: this.network.network.vpc,
    });
    this.edge = new EdgeStack(this, 'Edge', {
      ...common,
      stackName: `${prefix}-Edge`,
      description: `${description}: CloudFront web ACL (us-east-1)`,
    });
    this.app = new AppStack(this, 'App', {
      ...common,
      stackName: `${prefix}-App`,
      description: `${description}: app on ${props.target}`,
      target: props.target,
      vpc: this.network.network.vpc,
      data: this.data,
      repoRoot: props.repoRoot,
      clientAssetPath: props.clientAssetPath,
      migrationsDir: props.migrationsDir,
      webAclArnParameter: EdgeStack.webAclArnParameter(props.config.name),
    });
    // The web ACL and its ARN parameter exist before CloudFront reads them (and go after it on delete).
    this.app.addStackDependency(this.edge);
  }
}
