import { aws_ecr as ecr, aws_ecr_assets as ecrAssets } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface ImageProps {
  /** Docker build context: the repository root. */
  readonly directory: string;
  /**
   * Dockerfile, relative to `directory`.
   * @default 'container/Dockerfile'
   */
  readonly file?: string;
  /**
   * Also create the account's registry scanning configuration: scan on push for the CDK asset
   * repository. A per-account singleton, so only one stage per account sets it. See ADR 0003.
   * @default false
   */
  readonly manageRegistryScanning?: boolean;
}

/**
 * The one image. Built once from `container/Dockerfile`; Lambda runs it with a handler command and
 * Fargate with `node server.js`, so both targets deploy the same bytes.
 */
export class Image extends Construct {
  readonly asset: ecrAssets.DockerImageAsset;

  constructor(scope: Construct, id: string, props: ImageProps) {
    super(scope, id);
    this.asset = new ecrAssets.DockerImageAsset(this, 'Asset', {
      directory: props.directory,
      file: props.file ?? 'container/Dockerfile',
      platform: ecrAssets.Platform.LINUX_AMD64,
      // Only what the Dockerfile COPYs changes the hash; the rest is noise for rebuilds.
      exclude: [
        'node_modules',
        'cdk.out',
        '.git',
        'dist',
        'coverage',
        'client',
        'tests',
        'bench',
        'docs',
        'stacks',
        '.data',
      ],
    });
    if (props.manageRegistryScanning) {
      new ecr.CfnRegistryScanningConfiguration(this, 'ScanOnPush', {
        scanType: 'BASIC',
        rules: [
          {
            scanFrequency: 'SCAN_ON_PUSH',
            repositoryFilters: [{ filter: 'cdk-*-container-assets-*', filterType: 'WILDCARD' }],
          },
        ],
      });
    }
  }
}
