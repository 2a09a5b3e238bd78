/**
 * The Lambda API handler (API Gateway HTTP API, REST API or ALB events), loaded by lambda.ts once the
 * compile cache is on. The runtime profile builds config and deps once per execution environment, at
 * init; a bad environment fails the init with one error naming every variable.
 */
import serverlessExpress from '@codegenie/serverless-express';
import type { Context } from 'aws-lambda';
import { createApp } from './app';
import type { CompileCacheState } from './runtime/compile-cache';
import { lambdaRuntime } from './runtime/profiles';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

export function createLambdaHandler(compileCache: CompileCacheState = { state: 'absent' }): LambdaHandler {
  const { deps } = lambdaRuntime();
  if (compileCache.state === 'shipped') deps.logger.info('compile cache', { compileCache });
  else if (compileCache.state !== 'absent') {
    // Shipped but not usable (another Node, other V8 flags, unreadable, turned off): every cold
    // start compiles everything, which only the logs would otherwise show.
    deps.logger.warn('compile cache not used; cold starts compile everything', { compileCache });
  }
  // Promise-style: Node 24's runtime rejects callback-style handlers.
  const proxy = serverlessExpress({ app: createApp(deps) }) as unknown as LambdaHandler;
  return async (event, context) => {
    try {
      return await proxy(event, context);
    } finally {
      deps.metrics.flush();
    }
  };
}
