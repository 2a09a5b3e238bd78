import type { RequestHandler } from 'express';
import { lambdaInvocationSampled, type Mode, selectXRayManualMode } from '../../config';
import { once, preloadsWith } from '../../runtime/deferred';

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

/** An AWS SDK v3 client, as far as capturing it later needs. */
interface SendingClient {
  send(...args: unknown[]): Promise<unknown>;
}

/**
 * Local runs and tests trace nothing and print nothing. See ADR 0007 for why X-Ray (SDK in
 * maintenance, end of support 2027-02-25) and the OpenTelemetry path forward.
 *
 * The X-Ray SDK and Powertools Tracer (with the http, https, tls, dgram and assert modules they load)
 * are a chunk of their own, loaded by the first request that is traced: on Lambda the first sampled
 * invocation, so an unsampled cold start never reads them; on Fargate at start (`preload`), before
 * the server listens.
 */
export function createTracing(options: { mode: Mode; serviceName: string; enabled: boolean }): Tracing {
  if (!options.enabled || options.mode === 'local') return noop;
  // On Fargate the SDK runs in manual mode, which it only starts in (no cls-hooked async hook for
  // every promise of the process) when that is chosen before it loads. See xray.ts.
  if (options.mode === 'fargate') selectXRayManualMode();
  const wanted = options.mode === 'lambda' ? () => lambdaInvocationSampled() : () => true;
  let real: Tracing | undefined;
  const load = once(async () => {
    const { createXRayTracing } = await import('./xray');
    real = createXRayTracing(options);
    return real;
  });
  const tracing: Tracing = {
    enabled: true,
    captureClient: (c) => {
      if (real) return real.captureClient(c);
      // Captured on its first call once X-Ray is loaded (the capture adds to the client's middleware).
      const client = c as unknown as SendingClient;
      const send = client.send.bind(client);
      let captured = false;
      const untilCaptured = (...args: unknown[]) => {
        if (real && !captured) {
          captured = true;
          real.captureClient(client);
          // Fargate's capture wraps send itself; Lambda's adds to the middleware stack.
          if (client.send !== untilCaptured) return client.send(...args);
        }
        return send(...args);
      };
      client.send = untilCaptured;
      return c;
    },
    trace: (name, fn) => (real ? real.trace(name, fn) : fn()),
    middleware: (req, res, next) => {
      if (real) return real.middleware(req, res, next);
      if (!wanted()) return next();
      // A failed load leaves this request untraced (never failed); the next traced one retries.
      // What the SDK's middleware throws reaches Express, as it would have without the load.
      load()
        .then(
          (t) => t.middleware(req, res, next),
          () => next(),
        )
        .catch(next);
    },
  };
  preloadsWith(tracing, load);
  return tracing;
}
