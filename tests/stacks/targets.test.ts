import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { loadConfig, requiredCloudKeys } from '../../functions/api/config';
import type { Target } from '../../stacks/config';
import { actionsWithoutResourceLevelPermissions } from '../../stacks/nag';
import { resourcesOf, type Synth, synth } from './synth';

type Env = Record<string, unknown>;
const urlKeys = new Set([
  'ALLOWED_ORIGINS',
  'DATABASE_URL',
  'S3_ENDPOINT',
  'S3_PUBLIC_ENDPOINT',
  'COGNITO_ENDPOINT',
]);

/** Deploy-time tokens (imports, GetAtt) become placeholders of the right shape. */
function resolvePlaceholders(env: Env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([k, v]) => [
      k,
      typeof v === 'string'
        ? v
        : urlKeys.has(k)
          ? 'https://example.invalid'
          : `placeholder-${k.toLowerCase()}`,
    ]),
  );
}

/** The env of every runtime that loads the app config: the image's Lambda entries or the Fargate container. */
function runtimeEnvs(s: Synth): { name: string; mode: 'lambda' | 'fargate'; env: Env }[] {
  const lambdas = Object.values(resourcesOf(s.appStack, 'AWS::Lambda::Function'))
    .filter((f) => f.Properties.PackageType === 'Image')
    .map((f) => ({
      name: ((f.Properties.ImageConfig as { Command: string[] }).Command[0] ?? '') as string,
      mode: 'lambda' as const,
      env: (f.Properties.Environment as { Variables: Env }).Variables,
    }));
  const containers = Object.values(resourcesOf(s.appStack, 'AWS::ECS::TaskDefinition')).flatMap((td) =>
    (
      td.Properties.ContainerDefinitions as {
        Name: string;
        Environment?: { Name: string; Value: unknown }[];
      }[]
    )
      .filter((c) => c.Name === 'api')
      .map((c) => ({
        name: 'fargate api container',
        mode: 'fargate' as const,
        env: Object.fromEntries((c.Environment ?? []).map((e) => [e.Name, e.Value])),
      })),
  );
  return [...lambdas, ...containers];
}

function imageTags(s: Synth): string[] {
  const json = JSON.stringify(s.appStack.toJSON());
  return [
    ...new Set([...json.matchAll(/container-assets-[^"]*"?\}?,?":?([0-9a-f]{64})/g)].map((m) => m[1]!)),
  ];
}

/** Every acknowledged AwsSolutions rule in a construct tree: `{ id, path, reason }`. */
function acknowledgements(root: IConstruct): { id: string; path: string; reason: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .map(([key, reason]) => ({ id: key.replace(/^annotation::/i, ''), path: c.node.path, reason }))
      .filter((a) => a.id.startsWith('AwsSolutions-')),
  );
}

const targets: Target[] = ['lambda', 'fargate'];
const synths = {} as Record<Target, Synth>;
beforeAll(() => {
  for (const t of targets) synths[t] = synth(t);
});

describe.each(targets)('config parity, target=%s', (target) => {
  it('when synthesized, then every runtime sets every key the config schema requires', () => {
    const runtimes = runtimeEnvs(synths[target]);
    expect(runtimes.map((r) => r.name).sort()).toEqual(
      target === 'lambda'
        ? ['lambda.handler', 'migrate.handler', 'relay.handler']
        : ['fargate api container', 'migrate.handler', 'relay.handler'],
    );
    for (const { mode, env } of runtimes) {
      // Lambda sets AWS_REGION itself (and refuses it as a user variable); Fargate must set it.
      const expected = requiredCloudKeys.filter((k) => !(mode === 'lambda' && k === 'AWS_REGION'));
      expect(expected.filter((k) => env[k] === undefined || env[k] === '')).toEqual([]);
      if (mode === 'lambda') expect(env.AWS_REGION).toBeUndefined();
    }
  });

  it('when the synthesized env is parsed by loadConfig, then it is valid, with IAM auth and verified TLS', () => {
    for (const { mode, env } of runtimeEnvs(synths[target])) {
      const values = resolvePlaceholders(mode === 'lambda' ? { ...env, AWS_REGION: 'eu-west-1' } : env);
      // A clean base environment: the test process's own (CI sets DATABASE_URL) must not fill gaps.
      const config = loadConfig(mode, values, {});
      expect(config.db).toMatchObject({ iamAuth: true, tls: 'verify', port: 5432 });
      // Pool sizes are the runtime profile's decision (functions/api/runtime/profiles.ts), not the stack's.
      expect(values.DB_POOL_MAX).toBeUndefined();
      expect(config.allowedOrigins).toEqual(['https://example.invalid']);
    }
  });

  it('when a DB_* key is missing from the synthesized env, then loadConfig refuses it even if DATABASE_URL is set here', () => {
    const [runtime] = runtimeEnvs(synths[target]);
    const { DB_HOST: _dropped, ...env } = resolvePlaceholders({ ...runtime!.env, AWS_REGION: 'eu-west-1' });
    const hostEnv = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' };
    // What the parity test would have accepted when loadConfig fell back to process.env:
    expect(() => loadConfig(runtime!.mode, env, hostEnv)).not.toThrow();
    expect(() => loadConfig(runtime!.mode, env, {})).toThrow(/DB_HOST/);
  });

  it('when synthesized, then DB_TLS is never off and no env var holds a secret', () => {
    for (const { env } of runtimeEnvs(synths[target])) {
      expect(env.DB_TLS).toBe('verify');
      expect(Object.keys(env).filter((k) => /PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL/i.test(k))).toEqual([]);
      expect(JSON.stringify(env)).not.toMatch(/secretsmanager|SecretString|\{\{resolve/i);
    }
  });
});

describe('both targets', () => {
  it('when synthesized, then every consumer on either target deploys the one image asset, with the same tag', () => {
    const lambdaTags = imageTags(synths.lambda);
    expect(lambdaTags).toEqual([synths.lambda.scalemap.app.image.asset.assetHash]);
    expect(imageTags(synths.fargate)).toEqual(lambdaTags);
    for (const t of targets) {
      const { outdir } = synths[t].app;
      const manifest = JSON.parse(
        readFileSync(join(outdir, `${synths[t].scalemap.app.artifactId}.assets.json`), 'utf8'),
      );
      expect(Object.keys(manifest.dockerImages)).toEqual(lambdaTags);
    }
  });

  it('when the target changes, then the network and data stacks are identical', () => {
    expect(synths.fargate.data.toJSON()).toEqual(synths.lambda.data.toJSON());
    // Only the exports differ: Fargate also reads the public subnets (for the ALB).
    expect(synths.fargate.network.toJSON().Resources).toEqual(synths.lambda.network.toJSON().Resources);
  });

  it('when synthesized, then every log group keeps 30 days', () => {
    for (const t of targets) {
      for (const template of [synths[t].network, synths[t].data, synths[t].edge, synths[t].appStack]) {
        for (const lg of Object.values(resourcesOf(template, 'AWS::Logs::LogGroup'))) {
          expect(lg.Properties.RetentionInDays).toBe(30);
        }
      }
    }
  });

  it('when synthesized, then the dashboard shows the business metrics and API latency by route', () => {
    for (const t of targets) {
      const body = JSON.stringify(resourcesOf(synths[t].appStack, 'AWS::CloudWatch::Dashboard'));
      for (const metric of ['AssessmentSubmitted', 'DocumentUploaded', 'LoginFailed', 'ApiLatency']) {
        expect(body).toContain(metric);
      }
      expect(body).toContain('{ScaleMap,route,service}');
    }
  });
});

describe.each(targets)('cdk-nag AwsSolutions, target=%s', (target) => {
  it('when checked, then no unacknowledged error remains', () => {
    const report = new AwsSolutionsChecks().validateScope(synths[target].scalemap);
    const errors = report.violations
      .filter((v) => v.severity === 'error')
      .map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(errors).toEqual([]);
  });

  it('when acknowledgements are counted, then there are at most 8, each specific and with its own reason', () => {
    const acks = acknowledgements(synths[target].scalemap);
    expect(acks.length).toBeGreaterThan(0);
    expect(acks.length).toBeLessThanOrEqual(8);
    for (const a of acks) expect(a.reason.length).toBeGreaterThanOrEqual(80);
    expect(new Set(acks.map((a) => a.reason)).size).toBe(acks.length);
    // Never a whole rule family on the app: the one app-wide acknowledgement is Resource::*, kept honest below.
    const appWide = acks.filter((a) => a.path === synths[target].scalemap.app.node.path).map((a) => a.id);
    expect(appWide).toEqual(['AwsSolutions-IAM5[Resource::*]']);
  });

  it('when a policy allows Resource *, then every action in it has no resource-level permissions', () => {
    const allowed = new Set(actionsWithoutResourceLevelPermissions);
    const offenders: string[] = [];
    const { network, data, edge, appStack } = synths[target];
    for (const template of [network, data, edge, appStack]) {
      const docs = [
        ...Object.values(resourcesOf(template, 'AWS::IAM::Policy')).map((p) => p.Properties.PolicyDocument),
        ...Object.values(resourcesOf(template, 'AWS::IAM::ManagedPolicy')).map(
          (p) => p.Properties.PolicyDocument,
        ),
        ...Object.values(resourcesOf(template, 'AWS::IAM::Role')).flatMap((r) =>
          ((r.Properties.Policies as { PolicyDocument: unknown }[] | undefined) ?? []).map(
            (p) => p.PolicyDocument,
          ),
        ),
      ] as { Statement: { Effect: string; Action: string | string[]; Resource: unknown }[] }[];
      for (const st of docs.flatMap((d) => d.Statement)) {
        if (st.Effect !== 'Allow' || ![st.Resource].flat().includes('*')) continue;
        offenders.push(...[st.Action].flat().filter((a) => !allowed.has(a)));
      }
    }
    expect(offenders).toEqual([]);
  });
});
