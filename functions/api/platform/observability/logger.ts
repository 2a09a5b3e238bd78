import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@aws-lambda-powertools/logger';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import { redactingReplacer } from './redact';

/** Options for the one shared logger. */
export interface LoggerOptions {
  serviceName: string;
  logLevel: LogLevel;
  /** Extra keys on every line, e.g. the ECS task id. */
  persistentKeys?: Record<string, string>;
}

/** Builds the one Powertools logger of a process. */
export function createLogger(options: LoggerOptions): Logger {
  return new Logger({
    serviceName: options.serviceName,
    logLevel: options.logLevel,
    persistentKeys: options.persistentKeys,
    jsonReplacerFn: redactingReplacer,
  });
}

interface RequestContext {
  logger: Logger;
  correlationId: string;
}

/**
 * Per-request context. A shared logger's appendKeys would mix requests on Fargate, where one
 * process serves many at once, so each request gets its own child logger here.
 */
const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The request's child logger, or the given root logger outside a request. */
export function currentLogger(root: Logger): Logger {
  return storage.getStore()?.logger ?? root;
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
