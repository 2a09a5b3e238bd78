/**
 * The composition root for the cloud runtimes: each profile reads the config once and decides what
 * only the runtime knows (how many database connections one process may hold, which ids its log
 * lines carry). The entries (lambda.ts, server.ts, migrate.ts, relay.ts) only call a profile.
 * The local, test and bench profiles (stand-ins, their endpoints and credentials) live in
 * container/local/profile.ts, outside the production bundle.
 */
import { getCurrentInvoke } from '@codegenie/serverless-express';
import type { Context } from 'aws-lambda';
import { buildDeps } from '../bootstrap';
import { type Config, loadConfig } from '../config';
import type { AppDeps } from '../deps';

/**
 * Database connections per process. Lambda serves one request at a time per environment and shares
 * RDS Proxy's budget with every other environment; a Fargate task serves many at once (tasks × 10
 * must stay within the proxy's budget); the deploy-time jobs run one statement stream; the local
 * process (npm start, tests, benches) serves like a Fargate task.
 * DB_POOL_MAX may lower these, never raise them.
 */
export const POOL_MAX = { lambda: 2, fargate: 10, job: 1, local: 10 } as const;

export interface Runtime {
  config: Config;
  deps: AppDeps;
}

/** The config with its pool capped at `max` connections (DB_POOL_MAX can only lower it). */
export function capPool(config: Config, max: number): Config {
  return { ...config, db: { ...config.db, poolMax: Math.min(config.db.poolMax, max) } };
}

/** Lambda (API Gateway or ALB events): log lines carry the API Gateway and Lambda request ids. */
export function lambdaRuntime(): Runtime {
  const config = capPool(loadConfig('lambda'), POOL_MAX.lambda);
  const deps = buildDeps(config, {
    invocation: () => {
      const { event, context } = getCurrentInvoke() as {
        event?: { requestContext?: { requestId?: string } };
        context?: Partial<Context>;
      };
      return { apiRequestId: event?.requestContext?.requestId, lambdaRequestId: context?.awsRequestId };
    },
  });
  return { config, deps };
}

/** The task id from the ECS task metadata endpoint, for log lines; undefined off ECS. */
async function ecsTaskId(config: Config): Promise<string | undefined> {
  if (!config.ecsMetadataUri) return undefined;
  try {
    const res = await fetch(`${config.ecsMetadataUri}/task`, { signal: AbortSignal.timeout(1000) });
    const { TaskARN } = (await res.json()) as { TaskARN?: string };
    return TaskARN?.split('/').pop();
  } catch {
    return undefined;
  }
}

/** Fargate (`node server.js`): log lines carry the ECS task id. */
export async function fargateRuntime(): Promise<Runtime> {
  const config = capPool(loadConfig('fargate'), POOL_MAX.fargate);
  return { config, deps: buildDeps(config, { taskId: await ecsTaskId(config) }) };
}

/** The deploy-time and scheduled jobs (migrate, relay): their config, capped to one connection. */
export function jobConfig(): Config {
  return capPool(loadConfig('lambda'), POOL_MAX.job);
}
