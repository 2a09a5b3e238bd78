/**
 * The Lambda entry (API Gateway HTTP API, REST API or ALB). Config, deps and the serverless-express
 * handler are built once per execution environment, at init, outside the handler; a bad environment
 * fails the init with one error naming every variable.
 */
import serverlessExpress, { getCurrentInvoke } from '@codegenie/serverless-express';
import type { Context } from 'aws-lambda';
import { createApp } from './app';
import { buildDeps } from './bootstrap';
import { loadConfig } from './config';

const env = loadConfig('lambda');
// One request at a time per environment: two connections are plenty, and RDS Proxy's budget is shared.
const config = { ...env, db: { ...env.db, poolMax: Math.min(env.db.poolMax, 2) } };

const deps = buildDeps(config, {
  invocation: () => {
    const { event, context } = getCurrentInvoke() as {
      event?: { requestContext?: { requestId?: string } };
      context?: Partial<Context>;
    };
    return { apiRequestId: event?.requestContext?.requestId, lambdaRequestId: context?.awsRequestId };
  },
});

// Promise-style: Node 24's runtime rejects callback-style handlers.
const proxy = serverlessExpress({ app: createApp(deps) }) as unknown as (
  event: unknown,
  context: Context,
) => Promise<unknown>;

export async function handler(event: unknown, context: Context): Promise<unknown> {
  try {
    return await proxy(event, context);
  } finally {
    deps.metrics.flush();
  }
}
