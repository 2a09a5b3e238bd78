import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from './config';
import { Network } from './constructs/network';

export interface NetworkStackProps extends StackProps {
  /** Stage settings. */
  readonly config: StageConfig;
}

/** The VPC: shared by the data and app stacks. */
export class NetworkStack extends Stack {
  readonly network: Network;

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, props);
    this.network = new Network(this, 'Network', {
      natGateways: props.config.natGateways,
      interfaceEndpoints: props.config.interfaceEndpoints,
    });
  }
}
