/**
 * What the synthesized CloudFormation says about how the image runs: the Lambda functions'
 * handlers and environments, the Fargate container's entry point, user and environment, and the
 * client folder CloudFront is deployed from. The rehearsal runs the image from these facts, not
 * from a copy of them, so a variable dropped in `stacks/` is dropped here too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './podman';

export type Target = 'lambda' | 'fargate';

/** A value as CloudFormation holds it: a literal, or an intrinsic resolved only at deploy time. */
export type CfnValue = string | number | boolean | Record<string, unknown>;

export interface LambdaFunctionSpec {
  logicalId: string;
  /** CMD from ImageConfig.Command, e.g. `lambda.handler`. */
  handler: string;
  memoryMb: number;
  timeoutSeconds: number;
  environment: Record<string, CfnValue>;
}

export interface FargateContainerSpec {
  entryPoint: string[];
  command: string[];
  user?: string;
  readonlyRootFilesystem: boolean;
  stopTimeoutSeconds: number;
  workingDirectory?: string;
  environment: Record<string, CfnValue>;
}

export interface SynthesizedApp {
  target: Target;
  /** The cloud assembly folder. */
  outDir: string;
  functions: LambdaFunctionSpec[];
  fargate?: FargateContainerSpec;
  /** The staged folder CloudFront's bucket deployment uploads (the client build). */
  clientAssetDir: string;
  /** The code of the CloudFront Function on the default behavior's viewer requests, if any. */
  viewerRequestCode?: string;
}

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
}

/** Runs `cdk synth` for a target, the way `npm run synth` does, into a fresh folder. */
export function synthesize(target: Target, stage = 'dev'): string {
  const outDir = mkdtempSync(path.join(os.tmpdir(), `scalemap-synth-${target}-`));
  const out = spawnSync(
    'npx',
    ['cdk', 'synth', '--quiet', '-c', `stage=${stage}`, '-c', `target=${target}`, '-o', outDir],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true', CDK_DISABLE_VERSION_CHECK: '1' },
      timeout: 300_000,
    },
  );
  if (out.status !== 0) throw new Error(`cdk synth -c target=${target} failed:\n${out.stderr}${out.stdout}`);
  return outDir;
}

function appTemplate(outDir: string): { resources: Record<string, Resource>; stackFile: string } {
  const file = readdirSync(outDir).find((f) => /App[0-9A-F]*\.template\.json$/.test(f));
  if (!file) throw new Error(`no App stack template in ${outDir}`);
  const json = JSON.parse(readFileSync(path.join(outDir, file), 'utf8')) as {
    Resources: Record<string, Resource>;
  };
  return { resources: json.Resources, stackFile: file };
}

function lambdaFunctions(resources: Record<string, Resource>): LambdaFunctionSpec[] {
  return Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties.PackageType === 'Image')
    .map(([logicalId, r]) => {
      const p = r.Properties as {
        ImageConfig?: { Command?: string[] };
        MemorySize?: number;
        Timeout?: number;
        Environment?: { Variables?: Record<string, CfnValue> };
      };
      return {
        logicalId,
        handler: p.ImageConfig?.Command?.[0] ?? 'lambda.handler',
        memoryMb: p.MemorySize ?? 128,
        timeoutSeconds: p.Timeout ?? 3,
        environment: p.Environment?.Variables ?? {},
      };
    });
}

function fargateContainer(resources: Record<string, Resource>): FargateContainerSpec | undefined {
  for (const r of Object.values(resources)) {
    if (r.Type !== 'AWS::ECS::TaskDefinition') continue;
    const defs = (r.Properties.ContainerDefinitions ?? []) as Record<string, unknown>[];
    const api = defs.find((d) => (d.EntryPoint as string[] | undefined)?.includes('server.js'));
    if (!api) continue;
    const env = (api.Environment ?? []) as { Name: string; Value: CfnValue }[];
    return {
      entryPoint: api.EntryPoint as string[],
      command: (api.Command as string[] | undefined) ?? [],
      user: api.User as string | undefined,
      readonlyRootFilesystem: api.ReadonlyRootFilesystem === true,
      stopTimeoutSeconds: (api.StopTimeout as number | undefined) ?? 30,
      workingDirectory: api.WorkingDirectory as string | undefined,
      environment: Object.fromEntries(env.map((e) => [e.Name, e.Value])),
    };
  }
  return undefined;
}

/** The staged asset folder that the frontend's bucket deployments upload (one folder, with index.html). */
function clientAsset(outDir: string, stackFile: string, resources: Record<string, Resource>): string {
  const assets = JSON.parse(
    readFileSync(path.join(outDir, stackFile.replace('.template.json', '.assets.json')), 'utf8'),
  ) as {
    files: Record<string, { source: { path: string } }>;
  };
  const keys = new Set(
    Object.values(resources)
      .filter((r) => r.Type === 'Custom::CDKBucketDeployment')
      .flatMap((r) => (r.Properties.SourceObjectKeys as string[] | undefined) ?? [])
      .map((k) => k.replace(/\.zip$/, '')),
  );
  const dirs = [...keys]
    .map((hash) => assets.files[hash]?.source.path)
    .filter((p): p is string => Boolean(p))
    .map((p) => path.join(outDir, p))
    .filter((p) => existsSync(path.join(p, 'index.html')));
  if (dirs.length !== 1) {
    throw new Error(`expected one client folder among the bucket deployments' sources, found ${dirs.length}`);
  }
  return dirs[0]!;
}

/** The CloudFront Function the distribution's default behavior runs on viewer requests. */
function viewerRequestCode(resources: Record<string, Resource>): string | undefined {
  for (const r of Object.values(resources)) {
    if (r.Type !== 'AWS::CloudFront::Distribution') continue;
    const config = r.Properties.DistributionConfig as {
      DefaultCacheBehavior?: { FunctionAssociations?: { EventType: string; FunctionARN: unknown }[] };
    };
    const assoc = config.DefaultCacheBehavior?.FunctionAssociations?.find(
      (a) => a.EventType === 'viewer-request',
    );
    const ref = (assoc?.FunctionARN as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt']?.[0];
    const fn = ref ? resources[ref] : undefined;
    if (fn) return fn.Properties.FunctionCode as string;
  }
  return undefined;
}

/** Reads a synthesized assembly for one target. */
export function readAssembly(target: Target, outDir: string): SynthesizedApp {
  const { resources, stackFile } = appTemplate(outDir);
  const functions = lambdaFunctions(resources);
  const fargate = fargateContainer(resources);
  if (target === 'fargate' && !fargate)
    throw new Error('the fargate assembly has no container running server.js');
  if (!functions.some((f) => f.handler === 'migrate.handler'))
    throw new Error('no migrate.handler function in the assembly');
  if (target === 'lambda' && !functions.some((f) => f.handler === 'lambda.handler')) {
    throw new Error('the lambda assembly has no function running lambda.handler');
  }
  return {
    target,
    outDir,
    functions,
    fargate,
    clientAssetDir: clientAsset(outDir, stackFile, resources),
    viewerRequestCode: viewerRequestCode(resources),
  };
}

/** The function running `handler` (e.g. `relay.handler`). */
export function functionFor(app: SynthesizedApp, handler: string): LambdaFunctionSpec {
  const fn = app.functions.find((f) => f.handler === handler);
  if (!fn) throw new Error(`no function runs ${handler}`);
  return fn;
}
