import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type StageConfig, type StageName, stages, type Target } from '../../stacks/config';
import { ScaleMap } from '../../stacks/scalemap';

export const repoRoot = resolve(__dirname, '..', '..');

// Temp dirs made here are removed after each test file; CDK's own outdirs go with jest-autoclean.
const tempDirs: string[] = [];
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for `client/dist` shaped like Vite's output, so synth does not depend on a client build. */
export function fakeClientBuild(): string {
  const dir = tempDir('scalemap-client-');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index-C3IsGNYn.js'), 'console.log("ScaleMap");');
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>ScaleMap</title><script type="module" src="/assets/index-C3IsGNYn.js"></script>',
  );
  return dir;
}

/**
 * A fixed Docker build context: the image asset's hash then depends on nothing that other work in
 * the repo changes mid-test, and staging copies two small files instead of the repository.
 */
export function fakeBuildContext(): string {
  const dir = tempDir('scalemap-image-');
  mkdirSync(join(dir, 'container'));
  writeFileSync(
    join(dir, 'container', 'Dockerfile'),
    'FROM public.ecr.aws/lambda/nodejs:24\nCMD ["lambda.handler"]\n',
  );
  return dir;
}

const buildContext = fakeBuildContext();

/** Context from cdk.json, so tests synthesize with the same feature flags as `cdk synth`. */
function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')).context;
}

export interface Synth {
  readonly app: App;
  readonly scalemap: ScaleMap;
  readonly network: Template;
  readonly data: Template;
  /** us-east-1: the CloudFront web ACL. */
  readonly edge: Template;
  readonly appStack: Template;
}

/** One synthesis of a stage on a target; share it across a test file (each costs a few seconds). */
export function synth(target: Target, stage: StageName = 'dev', overrides: Partial<StageConfig> = {}): Synth {
  const app = new App({ context: cdkJsonContext() });
  const scalemap = new ScaleMap(app, `ScaleMap-${stage}`, {
    config: { ...stages[stage], ...overrides },
    target,
    repoRoot: buildContext,
    clientAssetPath: fakeClientBuild(),
    migrationsDir: join(repoRoot, 'functions', 'api', 'platform', 'db', 'migrations'),
  });
  return {
    app,
    scalemap,
    network: Template.fromStack(scalemap.network),
    data: Template.fromStack(scalemap.data),
    edge: Template.fromStack(scalemap.edge),
    appStack: Template.fromStack(scalemap.app),
  };
}

/** Resources of one type in a template, by logical id. */
export function resourcesOf(
  template: Template,
  type: string,
): Record<string, { Properties: Record<string, unknown> }> {
  return template.findResources(type) as Record<string, { Properties: Record<string, unknown> }>;
}

/** A stage domain with placeholder certificates, for the HTTPS-origin variants. */
export const exampleDomain = {
  domainName: 'app.example.com',
  cloudFrontCertificateArn:
    'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000',
  albCertificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/00000000-0000-0000-0000-000000000001',
  originDomainName: 'origin.app.example.com',
};
