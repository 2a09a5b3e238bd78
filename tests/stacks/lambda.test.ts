import { Match } from 'aws-cdk-lib/assertions';
import { resourcesOf, type Synth, synth } from './synth';

const cachingDisabled = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const allViewerExceptHost = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

describe('target=lambda (dev)', () => {
  let s: Synth;
  beforeAll(() => {
    s = synth('lambda');
  });

  it('when synthesized, then the API is a container-image Lambda running lambda.handler', () => {
    s.appStack.hasResourceProperties('AWS::Lambda::Function', {
      PackageType: 'Image',
      ImageConfig: { Command: ['lambda.handler'] },
      TracingConfig: { Mode: 'Active' },
      ReservedConcurrentExecutions: 10,
      VpcConfig: Match.objectLike({ SubnetIds: Match.anyValue() }),
    });
  });

  it('when synthesized, then a live alias fronts the API and a canary deployment group rolls back on alarms', () => {
    s.appStack.hasResourceProperties('AWS::Lambda::Alias', { Name: 'live' });
    s.appStack.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      DeploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      AutoRollbackConfiguration: {
        Enabled: true,
        Events: Match.arrayWith(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']),
      },
      AlarmConfiguration: {
        Enabled: true,
        Alarms: Match.arrayWith([Match.objectLike({ Name: Match.anyValue() })]),
      },
    });
  });

  it('when synthesized, then the HTTP API stage has access logs and throttling', () => {
    s.appStack.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    s.appStack.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });

  it('when a request skips CloudFront, then the HTTP API authorizer refuses it (secret origin header)', () => {
    s.appStack.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      IdentitySource: ['$request.header.x-origin-verify'],
      EnableSimpleResponses: true,
      AuthorizerResultTtlInSeconds: 300,
    });
    s.appStack.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: '$default',
      AuthorizationType: 'CUSTOM',
    });
    const [dist] = Object.values(resourcesOf(s.appStack, 'AWS::CloudFront::Distribution'));
    const origins = JSON.stringify((dist!.Properties.DistributionConfig as { Origins: unknown }).Origins);
    expect(origins).toContain('x-origin-verify');
    expect(origins).toContain('{{resolve:secretsmanager:');
  });

  it('when synthesized, then no ECS or ALB resources exist', () => {
    s.appStack.resourceCountIs('AWS::ECS::Service', 0);
    s.appStack.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 0);
  });

  it('when synthesized, then /api/* goes to the HTTP API uncached with all methods and viewer headers', () => {
    s.appStack.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/api/*',
            CachePolicyId: cachingDisabled,
            OriginRequestPolicyId: allViewerExceptHost,
            AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
          }),
        ],
      }),
    });
  });

  it('when synthesized, then SPA routing is a CloudFront Function on the default behavior, with no custom error responses', () => {
    const [dist] = Object.values(resourcesOf(s.appStack, 'AWS::CloudFront::Distribution'));
    const config = dist!.Properties.DistributionConfig as Record<string, unknown>;
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultCacheBehavior).toMatchObject({
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: expect.anything() }],
      ResponseHeadersPolicyId: expect.anything(),
    });
    s.appStack.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: Match.stringLikeRegexp('/index.html'),
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
  });

  it('when synthesized, then the CSP lets the SPA upload only to the documents bucket of this stage', () => {
    const [policy] = Object.values(resourcesOf(s.appStack, 'AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = JSON.stringify(
      (
        policy!.Properties.ResponseHeadersPolicyConfig as {
          SecurityHeadersConfig: { ContentSecurityPolicy: unknown };
        }
      ).SecurityHeadersConfig.ContentSecurityPolicy,
    );
    expect(csp).toContain("connect-src 'self' https://");
    expect(csp).toMatch(/Fn::ImportValue.*Documents.*\.s3\./);
  });

  it('when the client is uploaded, then hashed assets are cached for a year and everything else revalidates', () => {
    s.appStack.hasResourceProperties('Custom::CDKBucketDeployment', {
      Include: ['assets/*'],
      Exclude: ['*'],
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    s.appStack.hasResourceProperties('Custom::CDKBucketDeployment', {
      Exclude: ['assets/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
  });

  it('when the API role is granted S3, then only object actions on the bucket ARN under assessments/* are allowed', () => {
    const statements = Object.values(resourcesOf(s.appStack, 'AWS::IAM::Policy')).flatMap(
      (p) =>
        (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] })
          .Statement,
    );
    const s3 = statements.filter((st) => [st.Action].flat().some((a) => a.startsWith('s3:')));
    const documents = s3.filter((st) => JSON.stringify(st.Resource).includes('DocumentsBucketArn'));
    const objects = documents.filter((st) => JSON.stringify(st.Resource).includes('/assessments/*'));
    const bucket = documents.filter((st) => !objects.includes(st));
    expect(objects).toHaveLength(1);
    expect([objects[0]!.Action].flat().sort()).toEqual([
      's3:DeleteObject',
      's3:DeleteObjectVersion',
      's3:GetObject',
      's3:GetObjectVersion',
      's3:PutObject',
    ]);
    // HeadBucket (health check) and listing versions to delete them, on the bucket ARN itself only.
    expect(bucket).toEqual([
      expect.objectContaining({
        Action: ['s3:ListBucket', 's3:ListBucketVersions'],
        Resource: { 'Fn::ImportValue': expect.stringMatching(/DocumentsBucketArn$/) },
      }),
    ]);
    for (const st of s3) {
      expect([st.Action].flat()).not.toContain('s3:*');
      expect(st.Resource).not.toEqual('*');
    }
  });

  it('when synthesized, then migrations run through a trigger on the image migrate entry', () => {
    s.appStack.hasResourceProperties('AWS::Lambda::Function', {
      PackageType: 'Image',
      ImageConfig: { Command: ['migrate.handler'] },
      Environment: {
        Variables: Match.objectLike({ MIGRATIONS_HASH: Match.stringLikeRegexp('^[0-9a-f]{16}$|^none$') }),
      },
    });
    s.appStack.resourceCountIs('Custom::Trigger', 1);
  });

  it('when the migrate trigger runs, then the DB connection rule exists and the API waits for it', () => {
    const resources = s.appStack.toJSON().Resources as Record<string, { Type: string; DependsOn?: string[] }>;
    const [trigger] = Object.values(resources).filter((r) => r.Type === 'Custom::Trigger');
    const dependsOnTypes = (trigger!.DependsOn ?? []).map((id) => resources[id]?.Type);
    expect(dependsOnTypes).toContain('AWS::EC2::SecurityGroupIngress');
    const [triggerId] = Object.entries(resources).find(([, r]) => r.Type === 'Custom::Trigger')!;
    const api = Object.values(resources).find(
      (r) => r.Type === 'AWS::Lambda::Function' && JSON.stringify(r).includes('lambda.handler'),
    );
    expect(api!.DependsOn).toContain(triggerId);
  });

  it('when synthesized, then the relay runs every minute with a dead-letter queue', () => {
    s.appStack.hasResourceProperties('AWS::Lambda::Function', {
      ImageConfig: { Command: ['relay.handler'] },
    });
    s.appStack.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [
        Match.objectLike({ DeadLetterConfig: { Arn: Match.anyValue() }, RetryPolicy: Match.anyValue() }),
      ],
    });
    s.appStack.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'detail-type': ['assessment.submitted'] },
    });
  });

  it('when synthesized, then Lambda errors, throttles and the API 5xx rate are alarmed', () => {
    s.appStack.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
    });
    s.appStack.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Throttles',
      Namespace: 'AWS/Lambda',
    });
    s.appStack.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 5,
      EvaluationPeriods: 2,
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: Match.stringLikeRegexp('100 \\* errors / requests') }),
      ]),
    });
  });
});
