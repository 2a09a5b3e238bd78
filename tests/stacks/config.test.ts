import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { resolveStage, resolveTarget, stages } from '../../stacks/config';
import { assertBuiltClient } from '../../stacks/constructs/client-build';
import { Frontend } from '../../stacks/constructs/frontend';
import { hashFolder } from '../../stacks/constructs/migrations';
import { fakeClientBuild, repoRoot, tempDir } from './synth';

/** Runs stacks/app.ts the way the CDK CLI does (context through CDK_CONTEXT_JSON), without synthesizing far. */
function runApp(context: Record<string, string>) {
  return spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, 'stacks', 'app.ts')], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: {
      ...process.env,
      CDK_CONTEXT_JSON: JSON.stringify(context),
      CDK_OUTDIR: tempDir('scalemap-out-'),
    },
    timeout: 60_000,
  });
}

describe('stage and target selection', () => {
  it('when no stage is given, then dev with its default target (lambda) is used', () => {
    const stage = resolveStage(undefined);
    expect(stage.name).toBe('dev');
    expect(resolveTarget(undefined, stage)).toBe('lambda');
  });

  it('when a known stage and target are given, then they are used', () => {
    const prod = resolveStage('prod', { alarmEmail: 'ops@example.com' });
    expect(prod).toMatchObject({ name: 'prod', alarmEmail: 'ops@example.com', database: { multiAz: true } });
    expect(resolveTarget('fargate', prod)).toBe('fargate');
  });

  it('when the stage is unknown, then the error lists the valid stages', () => {
    expect(() => resolveStage('qa')).toThrow('Unknown stage "qa". Valid values: dev, staging, prod.');
  });

  it('when the target is unknown, then the error lists the valid targets', () => {
    expect(() => resolveTarget('ec2', stages.dev)).toThrow(
      'Unknown target "ec2". Valid values: lambda, fargate.',
    );
  });

  it('when cdk runs the app with an unknown target, then it exits 1 with that one-line message', () => {
    const run = runApp({ stage: 'dev', target: 'kubernetes' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'scalemap synth failed: Unknown target "kubernetes". Valid values: lambda, fargate.',
    );
  });

  it('when every stage is read, then prod is Multi-AZ with one NAT per AZ and every stage keeps deletion protection', () => {
    expect(stages.prod).toMatchObject({ natGateways: 2, database: { multiAz: true } });
    expect(stages.dev.natGateways).toBe(1);
    for (const stage of Object.values(stages)) {
      expect(stage.database.deletionProtection).toBe(true);
      expect(stage.fargate.minTasks).toBeGreaterThanOrEqual(1);
      expect(stage.fargate.maxTasks).toBeLessThanOrEqual(3);
    }
  });
});

describe('where stacks/ reads its inputs', () => {
  /** Every .ts file under stacks/, with its source. */
  function stackSources(dir = join(repoRoot, 'stacks')): { file: string; text: string }[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? stackSources(join(dir, e.name))
        : e.name.endsWith('.ts')
          ? [{ file: relative(repoRoot, join(dir, e.name)), text: readFileSync(join(dir, e.name), 'utf8') }]
          : [],
    );
  }

  it('when stacks/ is read, then only config.ts reads the environment and only app.ts reads context', () => {
    const sources = stackSources();
    expect(sources.length).toBeGreaterThan(20);
    const envReaders = sources.filter((s) => /process\.env|process\.argv/.test(s.text)).map((s) => s.file);
    expect(envReaders.filter((f) => f !== join('stacks', 'config.ts'))).toEqual([]);
    const contextReaders = sources
      .filter((s) => /tryGetContext|\.getContext\(/.test(s.text))
      .map((s) => s.file);
    expect(contextReaders).toEqual([join('stacks', 'app.ts')]);
  });
});

describe('frontend build guard', () => {
  const build = (dir: string) => () =>
    new Frontend(new Stack(new App(), 'S'), 'Frontend', {
      clientAssetPath: dir,
      apiOrigin: new HttpOrigin('api.example.com'),
      logsBucket: Bucket.fromBucketName(new Stack(new App(), 'L'), 'Logs', 'logs-bucket'),
      storageOrigin: 'https://documents.s3.eu-west-1.amazonaws.com',
      webAclArn: 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/edge/00000000',
    });

  it('when client/dist has no index.html, then synth fails naming the missing file and the fix', () => {
    expect(build(tempDir('scalemap-empty-client-'))).toThrow(
      /Frontend build missing: .*index\.html does not exist\. Run `npm run build`/,
    );
  });

  it('when the unbuilt client folder (sources) is deployed instead of client/dist, then synth fails', () => {
    // The repository's real client/: its index.html exists but points at /src/main.tsx.
    expect(existsSync(join(repoRoot, 'client', 'index.html'))).toBe(true);
    expect(() => assertBuiltClient(join(repoRoot, 'client'))).toThrow(
      /references no hashed script under assets\/.*Run `npm run build` and deploy its output \(client\/dist\)/,
    );
  });

  it('when index.html references a hashed asset that is absent, then synth fails naming it', () => {
    const dir = fakeClientBuild();
    rmSync(join(dir, 'assets', 'index-C3IsGNYn.js'));
    expect(build(dir)).toThrow(/Frontend build incomplete: .*assets\/index-C3IsGNYn\.js, absent/);
  });

  it('when the build has index.html and its hashed assets, then the guard accepts it and lists them', () => {
    expect(assertBuiltClient(fakeClientBuild())).toEqual(['assets/index-C3IsGNYn.js']);
  });
});

describe('migrations hash', () => {
  it('when the migrations folder does not exist yet, then the hash is "none"', () => {
    expect(hashFolder(join(tmpdir(), 'does-not-exist-scalemap'))).toBe('none');
  });

  it('when a migration is added, then the hash changes', () => {
    const dir = tempDir('scalemap-migrations-');
    writeFileSync(join(dir, '0000_init.sql'), 'create table users ();');
    const before = hashFolder(dir);
    expect(hashFolder(dir)).toBe(before);
    writeFileSync(join(dir, '0001_more.sql'), 'alter table users add column x int;');
    expect(hashFolder(dir)).not.toBe(before);
  });
});
