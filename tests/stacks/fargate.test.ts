import { Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { exampleDomain, resourcesOf, type Synth, synth } from './synth';

const cachingDisabled = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

describe('target=fargate', () => {
  let dev: Synth;
  let withDomain: Synth;
  beforeAll(() => {
    dev = synth('fargate');
    withDomain = synth('fargate', 'prod', { domain: exampleDomain });
  });

  it('when synthesized, then the task has 1 vCPU and 2 GiB and runs node server.js as user 10001 on a read-only root', () => {
    dev.appStack.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '1024',
      Memory: '2048',
      RequiresCompatibilities: ['FARGATE'],
      ContainerDefinitions: Match.arrayWith([
        Match.objectLike({
          Name: 'api',
          EntryPoint: ['node', 'server.js'],
          WorkingDirectory: '/var/task',
          User: '10001',
          ReadonlyRootFilesystem: true,
          MountPoints: [{ ContainerPath: '/tmp', SourceVolume: 'tmp', ReadOnly: false }],
          PortMappings: [Match.objectLike({ ContainerPort: 3000 })],
          LogConfiguration: Match.objectLike({ LogDriver: 'awslogs' }),
        }),
      ]),
    });
  });

  it('when synthesized, then an X-Ray daemon sidecar runs next to the app', () => {
    dev.appStack.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: Match.arrayWith([
        Match.objectLike({
          Name: 'xray-daemon',
          Image: Match.stringLikeRegexp('aws-xray-daemon'),
          Essential: false,
          PortMappings: [Match.objectLike({ ContainerPort: 2000, Protocol: 'udp' })],
        }),
      ]),
    });
  });

  it('when synthesized, then the service has the deployment circuit breaker with rollback', () => {
    dev.appStack.hasResourceProperties('AWS::ECS::Service', {
      LaunchType: 'FARGATE',
      DeploymentConfiguration: Match.objectLike({
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
        MinimumHealthyPercent: 100,
      }),
    });
    dev.appStack.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    });
  });

  it('when synthesized, then tasks scale 1–3 on CPU 70% and memory 80%', () => {
    dev.appStack.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: 1,
      MaxCapacity: 3,
    });
    for (const [metric, target] of [
      ['ECSServiceAverageCPUUtilization', 70],
      ['ECSServiceAverageMemoryUtilization', 80],
    ] as const) {
      dev.appStack.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
        TargetTrackingScalingPolicyConfiguration: Match.objectLike({
          PredefinedMetricSpecification: { PredefinedMetricType: metric },
          TargetValue: target,
        }),
      });
    }
  });

  it('when synthesized, then the target group checks /api/health with a short deregistration delay', () => {
    dev.appStack.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      HealthCheckPath: '/api/health',
      Port: 3000,
      TargetType: 'ip',
      TargetGroupAttributes: Match.arrayWith([{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }]),
    });
  });

  it('when no domain is set, then the ALB listens on 80 only for CloudFront with the secret header', () => {
    dev.appStack.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    dev.appStack.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [
        Match.objectLike({
          Type: 'fixed-response',
          FixedResponseConfig: Match.objectLike({ StatusCode: '403' }),
        }),
      ],
    });
    const [rule] = Object.values(resourcesOf(dev.appStack, 'AWS::ElasticLoadBalancingV2::ListenerRule'));
    const conditions = JSON.stringify(rule!.Properties.Conditions);
    expect(conditions).toContain('x-origin-verify');
    // A deploy-time dynamic reference to Secrets Manager, never a literal in the template.
    expect(conditions).toContain('{{resolve:secretsmanager:');
    const inline = Object.values(resourcesOf(dev.appStack, 'AWS::EC2::SecurityGroup')).flatMap(
      (sg) => (sg.Properties.SecurityGroupIngress as Record<string, unknown>[] | undefined) ?? [],
    );
    const separate = Object.values(resourcesOf(dev.appStack, 'AWS::EC2::SecurityGroupIngress')).map(
      (r) => r.Properties,
    );
    const port80 = [...inline, ...separate].filter((rule) => rule.FromPort === 80);
    // The id of CloudFront's origin-facing prefix list, looked up at deploy time.
    expect(port80).toEqual([
      expect.objectContaining({
        SourcePrefixListId: { 'Fn::GetAtt': [expect.any(String), 'PrefixLists.0.PrefixListId'] },
      }),
    ]);
    expect(JSON.stringify([...inline, ...separate])).not.toContain('0.0.0.0/0');
  });

  it('when a certificate is set, then the ALB serves 443 with it and redirects 80 to 443', () => {
    withDomain.appStack.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: exampleDomain.albCertificateArn }],
    });
    withDomain.appStack.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [
        Match.objectLike({
          Type: 'redirect',
          RedirectConfig: Match.objectLike({ Port: '443', Protocol: 'HTTPS' }),
        }),
      ],
    });
    // The CloudFront prefix list weighs 55 of the 60 rules a security group holds: referenced once.
    const prefixListRules = Object.values(resourcesOf(withDomain.appStack, 'AWS::EC2::SecurityGroupIngress'))
      .map((r) => r.Properties)
      .filter((r) => r.SourcePrefixListId !== undefined);
    expect(prefixListRules).toEqual([expect.objectContaining({ FromPort: 443, ToPort: 443 })]);
    withDomain.appStack.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: [exampleDomain.domainName],
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021' }),
      }),
    });
  });

  it('when synthesized, then /api/* goes to the ALB uncached, carrying the origin secret', () => {
    const [dist] = Object.values(resourcesOf(dev.appStack, 'AWS::CloudFront::Distribution'));
    const config = dist!.Properties.DistributionConfig as { CacheBehaviors: unknown[]; Origins: unknown[] };
    expect(config.CacheBehaviors).toEqual([
      expect.objectContaining({ PathPattern: '/api/*', CachePolicyId: cachingDisabled }),
    ]);
    expect(JSON.stringify(config.Origins)).toContain('x-origin-verify');
  });

  it('when synthesized, then ALB access logs are on and ECS task health is alarmed', () => {
    dev.appStack.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'access_logs.s3.enabled', Value: 'true' }]),
    });
    dev.appStack.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'desired - running' })]),
    });
    dev.appStack.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'UnHealthyHostCount' });
  });

  it('when synthesized, then the ALB keeps the logical id it had before ApiFargate was split', () => {
    // A new id would replace the ALB, and its DNS name, which a stage's origin CNAME points at.
    const albs = Object.keys(resourcesOf(dev.appStack, 'AWS::ElasticLoadBalancingV2::LoadBalancer'));
    expect(albs).toEqual(['ApiFargateAlb9632DBC6']);
  });

  it('when synthesized, then no API Lambda, HTTP API or canary exists', () => {
    dev.appStack.resourceCountIs('AWS::ApiGatewayV2::Api', 0);
    dev.appStack.resourceCountIs('AWS::CodeDeploy::DeploymentGroup', 0);
  });

  it('when prod has a domain, then nag passes without the dev-only acknowledgements (CFR4, CFR5, RDS3)', () => {
    const errors = new AwsSolutionsChecks()
      .validateScope(withDomain.scalemap)
      .violations.filter((v) => v.severity === 'error');
    expect(errors.map((v) => v.ruleName)).toEqual([]);
    const acked = withDomain.scalemap.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.keys(m.data as object))
      .filter((id) => id.includes('AwsSolutions-'));
    expect(acked.filter((id) => /CFR4|CFR5|RDS3/.test(id))).toEqual([]);
  });
});
