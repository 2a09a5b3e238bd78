/**
 * The Lambda entry (API Gateway HTTP API, REST API or ALB). The runtime profile builds config and
 * deps once per execution environment, at init; a bad environment fails the init with one error
 * naming every variable.
 */
import serverlessExpress from '@codegenie/serverless-express';
import type { Context } from 'aws-lambda';
import { createApp } from './app';
import { lambdaRuntime } from './runtime/profiles';

const { deps } = lambdaRuntime();
// Promise-style: Node 24's runtime rejects callback-style handlers.
const proxy = serverlessExpress({ app: createApp(deps) }) as unknown as (
  e: unknown,
  c: Context,
) => Promise<unknown>;

export async function handler(event: unknown, context: Context): Promise<unknown> {
  try {
    return await proxy(event, context);
  } finally {
    deps.metrics.flush();
  }
}
