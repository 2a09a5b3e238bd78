import type { RequestHandler } from 'express';
import { type Mode, selectXRayManualMode } from '../../config';

/** Tracing for the app: X-Ray on Lambda (Powertools Tracer) and on Fargate (daemon sidecar). */
export interface Tracing {
  enabled: boolean;
  /** Captures an AWS SDK v3 client so each call becomes a subsegment. */
  captureClient<T>(client: T): T;
  /** Runs `fn` in a subsegment named `name` (one per DB query). */
  trace<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Per request: a subsegment on Lambda, a segment on Fargate. */
  middleware: RequestHandler;
}

const noop: Tracing = {
  enabled: false,
  captureClient: (c) => c,
  trace: (_name, fn) => fn(),
  middleware: (_req, _res, next) => next(),
};

/**
 * Local runs and tests trace nothing and print nothing. See ADR 0007 for why X-Ray (SDK in
 * maintenance, end of support 2027-02-25) and the OpenTelemetry path forward.
 */
export function createTracing(options: { mode: Mode; serviceName: string; enabled: boolean }): Tracing {
  if (!options.enabled || options.mode === 'local') return noop;
  // On Fargate the SDK runs in manual mode, which it only starts in (no cls-hooked async hook for
  // every promise of the process) when that is chosen before it loads. See xray.ts.
  if (options.mode === 'fargate') selectXRayManualMode();
  // Loaded only when tracing is on: the X-Ray SDK costs cold-start time otherwise.
  const { createXRayTracing } = require('./xray') as typeof import('./xray');
  return createXRayTracing(options);
}
