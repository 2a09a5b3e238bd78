import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { aws_lambda as lambda } from 'aws-cdk-lib';
import { Duration, triggers } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface MigrationsProps {
  /** The image's `migrate.handler` function (idempotent: applies pending migrations only). */
  readonly handler: lambda.Function;
  /** Folder with the committed drizzle migrations; its content hash re-runs the trigger. */
  readonly migrationsDir: string;
  /** Run after these (the database and its proxy). */
  readonly executeAfter: Construct[];
}

/**
 * Runs migrations during `cdk deploy`, before the API is updated. Re-runs whenever the handler
 * changes: a new image (new code or migrations) or a new migrations hash (set on the function, so it
 * yields a new version even when the image is unchanged).
 */
export class Migrations extends Construct {
  readonly trigger: triggers.Trigger;
  /** SHA-256 over the migration files' paths and bytes; `'none'` if the folder does not exist yet. */
  readonly hash: string;

  constructor(scope: Construct, id: string, props: MigrationsProps) {
    super(scope, id);
    this.hash = hashFolder(props.migrationsDir);
    props.handler.addEnvironment('MIGRATIONS_HASH', this.hash);
    this.trigger = new triggers.Trigger(this, 'Run', {
      handler: props.handler,
      executeOnHandlerChange: true,
      executeAfter: props.executeAfter,
      timeout: Duration.minutes(10),
    });
  }
}

/** Deterministic hash of every file under `dir` (sorted), or `'none'` when it is absent. */
export function hashFolder(dir: string): string {
  if (!existsSync(dir)) return 'none';
  const hash = createHash('sha256');
  const walk = (d: string): string[] =>
    readdirSync(d)
      .sort()
      .flatMap((name) => {
        const full = join(d, name);
        return statSync(full).isDirectory() ? walk(full) : [full];
      });
  for (const file of walk(dir)) {
    hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
