import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@aws-lambda-powertools/logger';
import type { LogAttributes, LogLevel } from '@aws-lambda-powertools/logger/types';
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

/** The log methods the app uses. A request's logger adds that request's keys to every line. */
type LogMethod = (message: string, ...extra: LogAttributes[]) => void;
export interface AppLogger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}

export interface RequestContext {
  /** Keys every line of the request carries: correlationId, and the Lambda or ECS ids. */
  keys: Record<string, string>;
  correlationId: string;
  /** Fargate: the request's X-Ray segment (set by the tracing middleware, read by its subsegments). */
  segment?: unknown;
}

/**
 * Per-request context. A shared logger's appendKeys would mix requests on Fargate, where one
 * process serves many at once; a child Logger per request costs a Console and its config each
 * time. So the keys live here and are added to each line by a small per-call wrapper.
 */
const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The current request's context, or undefined outside a request. */
export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * A request's logger: the root logger plus the request's keys. Methods on a prototype, not closures
 * made per call: the bundle names every closure it creates (esbuild keepNames), which costs each time.
 */
class RequestLogger implements AppLogger {
  constructor(
    private readonly root: Logger,
    private readonly keys: Record<string, string>,
  ) {}
  debug(message: string, ...extra: LogAttributes[]) {
    this.root.debug(message, this.keys, ...extra);
  }
  info(message: string, ...extra: LogAttributes[]) {
    this.root.info(message, this.keys, ...extra);
  }
  warn(message: string, ...extra: LogAttributes[]) {
    this.root.warn(message, this.keys, ...extra);
  }
  error(message: string, ...extra: LogAttributes[]) {
    this.root.error(message, this.keys, ...extra);
  }
}

/** The request's logger (the root logger plus the request's keys), or the root outside a request. */
export function currentLogger(root: Logger): AppLogger {
  const context = storage.getStore();
  return context ? new RequestLogger(root, context.keys) : root;
}
