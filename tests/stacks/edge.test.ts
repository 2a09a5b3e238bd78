import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { apiJsonBodyLimitBytes, type Target } from '../../stacks/config';
import { greaterThanPattern } from '../../stacks/constructs/edge-rules';
import { repoRoot, resourcesOf, type Synth, synth } from './synth';

type Rule = { Name: string; Priority: number; Statement: Record<string, unknown>; Action?: unknown };
const targets: Target[] = ['lambda', 'fargate'];
const synths = {} as Record<Target, Synth>;
beforeAll(() => {
  for (const t of targets) synths[t] = synth(t);
});

function webAcl(s: Synth): { Properties: Record<string, unknown> } {
  const acls = Object.values(resourcesOf(s.edge, 'AWS::WAFv2::WebACL'));
  expect(acls).toHaveLength(1);
  return acls[0]!;
}
const rules = (s: Synth) => webAcl(s).Properties.Rules as Rule[];
const rule = (s: Synth, name: string) => rules(s).find((r) => r.Name === name)!;

describe('edge stack (WAF for CloudFront)', () => {
  it('when synthesized, then the web ACL is CloudFront-scoped, in us-east-1, allowing by default', () => {
    const { edge } = synths.lambda.scalemap;
    expect(edge.region).toBe('us-east-1');
    expect(webAcl(synths.lambda).Properties).toMatchObject({
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true },
    });
  });

  it('when synthesized, then the three AWS managed groups run, with Common body-size left to our own rule', () => {
    const managed = rules(synths.lambda)
      .map((r) => r.Statement.ManagedRuleGroupStatement as { VendorName: string; Name: string } | undefined)
      .filter((m) => m !== undefined);
    expect(managed.map((m) => `${m.VendorName}/${m.Name}`).sort()).toEqual([
      'AWS/AWSManagedRulesAmazonIpReputationList',
      'AWS/AWSManagedRulesCommonRuleSet',
      'AWS/AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    expect(rule(synths.lambda, 'AWS-AWSManagedRulesCommonRuleSet').Statement).toMatchObject({
      ManagedRuleGroupStatement: {
        RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
      },
    });
    expect(rules(synths.lambda).map((r) => r.Priority)).toEqual([0, 1, 2, 3, 4]);
  });

  it('when /api/auth/* is called too often from one IP, then WAF answers 429 JSON (logout and me excepted)', () => {
    const auth = rule(synths.lambda, 'AuthRatePerIp');
    expect(auth.Statement.RateBasedStatement).toMatchObject({
      Limit: 100,
      EvaluationWindowSec: 300,
      AggregateKeyType: 'IP',
    });
    const scope = JSON.stringify(auth.Statement.RateBasedStatement);
    expect(scope).toContain('"PositionalConstraint":"STARTS_WITH","SearchString":"/api/auth/"');
    expect(scope).toMatch(/NotStatement.*\/api\/auth\/logout.*\/api\/auth\/me/);
    expect(auth.Action).toMatchObject({
      Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: 'too-many-requests' } },
    });
    const bodies = webAcl(synths.lambda).Properties.CustomResponseBodies as Record<
      string,
      { Content: string }
    >;
    expect(JSON.parse(bodies['too-many-requests']!.Content)).toMatchObject({ status: 429 });
  });

  it('when an /api request declares a body above the API limit, then WAF answers 413', () => {
    const body = rule(synths.lambda, 'ApiBodyTooLarge');
    const [prefix, size] = (body.Statement.AndStatement as { Statements: Record<string, unknown>[] })
      .Statements;
    expect(prefix).toMatchObject({
      ByteMatchStatement: { SearchString: '/api/', PositionalConstraint: 'STARTS_WITH' },
    });
    expect(size).toMatchObject({
      RegexMatchStatement: {
        FieldToMatch: { SingleHeader: { Name: 'content-length' } },
        RegexString: greaterThanPattern(apiJsonBodyLimitBytes),
      },
    });
    expect(body.Action).toMatchObject({
      Block: { CustomResponse: { ResponseCode: 413, CustomResponseBodyKey: 'payload-too-large' } },
    });
    const bodies = webAcl(synths.lambda).Properties.CustomResponseBodies as Record<
      string,
      { Content: string }
    >;
    // The app's own words for the same refusal (functions/api/platform/http/problem.ts).
    expect(JSON.parse(bodies['payload-too-large']!.Content)).toEqual({
      type: 'about:blank',
      title: 'Payload Too Large',
      status: 413,
      detail: 'The request body is larger than 100 kB.',
    });
  });

  it('when the stacks limit is compared with the app, then both are the API’s 100 kB JSON limit', () => {
    const app = readFileSync(join(repoRoot, 'functions', 'api', 'app.ts'), 'utf8');
    const [, kb] = /express\.json\(\{\s*limit:\s*'(\d+)kb'/.exec(app) ?? [];
    expect(Number(kb) * 1024).toBe(apiJsonBodyLimitBytes);
  });

  it('when the target changes, then the edge stack is identical', () => {
    expect(synths.fargate.edge.toJSON()).toEqual(synths.lambda.edge.toJSON());
  });

  it('when the web ACL exists, then its ARN is published in an SSM parameter of the edge stack', () => {
    synths.lambda.edge.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/scalemap/dev/edge/web-acl-arn',
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('WebAcl'), 'Arn'] },
    });
  });
});

describe('greaterThanPattern (the Content-Length rule)', () => {
  const limit = 102_400;
  const re = new RegExp(greaterThanPattern(limit));
  it('when a length is above the limit, then it matches', () => {
    for (const n of [
      102_401, 102_409, 102_410, 102_499, 102_500, 103_000, 110_000, 199_999, 200_000, 999_999,
    ]) {
      expect([n, re.test(String(n))]).toEqual([n, true]);
    }
    expect(re.test('1000000')).toBe(true);
    expect(re.test('0102401')).toBe(true);
  });
  it('when a length is at or below the limit or not a number, then it does not match', () => {
    for (const n of [0, 1, 9_999, 99_999, 100_000, 102_399, 102_400]) {
      expect([n, re.test(String(n))]).toEqual([n, false]);
    }
    for (const s of ['', 'abc', '-200000', '102401 ', '0102400']) expect([s, re.test(s)]).toEqual([s, false]);
  });
  it('when the pattern is read, then it has no capturing group (WAF refuses them)', () => {
    expect(greaterThanPattern(limit)).not.toMatch(/\((?!\?:)/);
    expect(greaterThanPattern(limit).length).toBeLessThanOrEqual(512);
  });
});

describe.each(targets)('CloudFront web ACL association, target=%s', (target) => {
  it('when synthesized, then the distribution uses the web ACL ARN read from SSM in us-east-1', () => {
    const s = synths[target];
    const [dist] = Object.values(resourcesOf(s.appStack, 'AWS::CloudFront::Distribution'));
    const webAclId = (dist!.Properties.DistributionConfig as { WebACLId: unknown }).WebACLId;
    expect(webAclId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^WebAclLookup/), 'Parameter.Value'] });
    const [lookupId] = (webAclId as { 'Fn::GetAtt': string[] })['Fn::GetAtt'];
    const lookup = s.appStack.toJSON().Resources[lookupId!];
    const call = JSON.stringify(lookup.Properties.Update ?? lookup.Properties.Create);
    expect(call).toContain('"region\\":\\"us-east-1\\"');
    expect(call).toContain('/scalemap/dev/edge/web-acl-arn');
    expect(call).toContain('getParameter');
  });

  it('when deployed, then the app stack depends on the edge stack', () => {
    const { app, edge } = synths[target].scalemap;
    expect(app.dependencies.map((d) => d.stackName)).toContain(edge.stackName);
  });

  it('when the lookup reads SSM, then it may read only that one parameter in us-east-1', () => {
    const statements = Object.values(resourcesOf(synths[target].appStack, 'AWS::IAM::Policy'))
      .flatMap(
        (p) =>
          (p.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement,
      )
      .filter((st) => JSON.stringify(st.Action).includes('ssm:'));
    expect(statements).toHaveLength(1);
    expect(statements[0]!.Action).toBe('ssm:GetParameter');
    expect(JSON.stringify(statements[0]!.Resource)).toMatch(
      /:ssm:us-east-1:.*:parameter\/scalemap\/dev\/edge\/web-acl-arn/,
    );
  });

  it('when cdk-nag runs, then the CloudFront WAF finding (CFR2) is gone, not acknowledged', () => {
    const { scalemap } = synths[target];
    const report = new AwsSolutionsChecks().validateScope(scalemap);
    expect(report.violations.map((v) => v.ruleName)).not.toContain('AwsSolutions-CFR2');
    const acked = scalemap.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.keys(m.data as object));
    expect(acked.filter((id) => id.includes('CFR2'))).toEqual([]);
  });
});
