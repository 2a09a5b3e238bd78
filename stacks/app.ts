#!/usr/bin/env -S npx tsx
/**
 * The CDK app. The only place that reads context:
 *   -c stage=dev|staging|prod      (default dev)
 *   -c target=lambda|fargate       (default: the stage's defaultTarget)
 *   -c alarmEmail=ops@example.com  (optional)
 */
import { join, resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { resolveStage, resolveTarget } from './config';
import { AwsSolutionsErrors } from './nag';
import { ScaleMap } from './scalemap';

const repoRoot = resolve(__dirname, '..');
const app = new App();

try {
  const config = resolveStage(app.node.tryGetContext('stage'), {
    alarmEmail: app.node.tryGetContext('alarmEmail'),
  });
  const target = resolveTarget(app.node.tryGetContext('target'), config);
  new ScaleMap(app, `ScaleMap-${config.name}`, {
    config,
    target,
    repoRoot,
    clientAssetPath: join(repoRoot, 'client', 'dist'),
    migrationsDir: join(repoRoot, 'functions', 'api', 'platform', 'db', 'migrations'),
  });
} catch (err) {
  // A clear one-line reason (unknown stage/target, missing client build) instead of a stack trace.
  console.error(`\nscalemap synth failed: ${(err as Error).message}\n`);
  process.exit(1);
}

// Synth fails on any unacknowledged AwsSolutions error; each acknowledgement sits beside its construct
// (`acknowledge` in stacks/nag.ts).
Validations.of(app).addPlugins(new AwsSolutionsErrors(app));
