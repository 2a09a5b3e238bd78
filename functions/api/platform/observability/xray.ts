import { Tracer } from '@aws-lambda-powertools/tracer';
import AWSXRay, { type Segment, type Subsegment } from 'aws-xray-sdk-core';
import type { Mode } from '../../config';
import { requestContext } from './logger';
import type { Tracing } from './tracer';

/** An AWS SDK v3 client, as far as per-call capture needs it. */
interface CapturableClient {
  config: unknown;
  send(command: { middlewareStack: unknown }, ...rest: unknown[]): Promise<unknown>;
}

/** Runs `fn` in a new subsegment of `parent`; an unsampled request records nothing, so pays for none. */
function inSubsegment<T>(
  parent: Segment | Subsegment | undefined,
  name: string,
  fn: () => Promise<T>,
  /** How to run `fn` inside the subsegment (e.g. made current); by default, just run it. */
  within: (sub: Subsegment, fn: () => Promise<T>) => Promise<T> = (_sub, f) => f(),
): Promise<T> {
  // Not async: most requests are unsampled, and their queries should pay no extra promise.
  if (!parent || parent.notTraced) return fn();
  return traced(parent.addNewSubsegment(name), fn, within);
}

async function traced<T>(
  sub: Subsegment,
  fn: () => Promise<T>,
  within: (sub: Subsegment, fn: () => Promise<T>) => Promise<T>,
): Promise<T> {
  try {
    return await within(sub, fn);
  } catch (err) {
    sub.addError(err as Error);
    throw err;
  } finally {
    sub.close();
  }
}

/** X-Ray on Lambda (Powertools Tracer) and on Fargate (the SDK, to the daemon sidecar). */
export function createXRayTracing(options: { mode: Mode; serviceName: string }): Tracing {
  // Without a segment (e.g. a background relay tick) the SDK must stay quiet, not throw.
  AWSXRay.setContextMissingStrategy('IGNORE_ERROR');

  function trace<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return inSubsegment(AWSXRay.getSegment(), name, fn, (sub, f) =>
      AWSXRay.getNamespace().runPromise(() => {
        AWSXRay.setSegment(sub);
        return f();
      }),
    );
  }

  if (options.mode === 'lambda') {
    const tracer = new Tracer({ serviceName: options.serviceName });
    return {
      enabled: tracer.isTracingEnabled(),
      captureClient: (c) => tracer.captureAWSv3Client(c),
      trace,
      middleware: (req, res, next) => {
        const parent = tracer.getSegment();
        if (!parent) return next();
        const sub = parent.addNewSubsegment(`## ${req.method} ${req.path.slice(0, 100)}`);
        tracer.setSegment(sub);
        res.on('finish', () => {
          sub.addAnnotation('status', res.statusCode);
          sub.close();
          tracer.setSegment(parent);
        });
        next();
      },
    };
  }

  // Fargate: one segment per request, sent to the X-Ray daemon sidecar on 127.0.0.1:2000. The SDK
  // runs in manual mode (tracer.ts sets AWS_XRAY_MANUAL_MODE before it loads): its automatic mode
  // keeps the segment in cls-hooked, whose async hook runs for every promise of the process and cost
  // about a third of the server's CPU per request. The segment lives in the request's own context.
  if (AWSXRay.isAutomaticMode()) AWSXRay.enableManualMode();
  AWSXRay.middleware.setDefaultName(options.serviceName);
  const mw = AWSXRay.middleware;
  const current = (): Segment | undefined => {
    const held = requestContext()?.segment;
    return held instanceof Unsampled ? undefined : (held as Segment | undefined);
  };
  // An AWS call needs a segment even when unsampled: its trace header (Root, Parent, Sampled=0).
  const forCall = (): Segment | undefined => {
    const held = requestContext()?.segment;
    return held instanceof Unsampled ? held.segment() : (held as Segment | undefined);
  };
  return {
    enabled: true,
    // Each call gets the SDK's own v3 middleware, bound to the calling request's segment.
    captureClient: <T>(c: T): T => {
      const client = c as unknown as CapturableClient;
      const send = client.send.bind(client);
      client.send = (command, ...rest) => {
        const segment = forCall();
        if (segment) {
          const stack = { middlewareStack: command.middlewareStack, config: client.config };
          AWSXRay.captureAWSv3Client(stack as never, segment);
        }
        return send(command, ...rest);
      };
      return c;
    },
    // A subsegment of the request's segment; nothing nests under a query, so it is not made current.
    trace: (name, fn) => inSubsegment(current(), name, fn),
    middleware: (req, res, next) => {
      // The SDK's decision, taken once (the reservoir counts each call); it also answers a
      // `Sampled=?` request with the decision in the response's trace header.
      const header = mw.processHeaders(req);
      const probe = new Probe(mw.resolveName(req.headers.host));
      mw.resolveSampling(header, probe as unknown as Segment, res);
      let segment: Segment | Unsampled;
      if (probe.notTraced) segment = new Unsampled(probe.name, header);
      else {
        // The SDK's own request/response cycle, with the decision already taken replayed.
        const replay = Object.create(mw, {
          resolveSampling: {
            value: (_h: unknown, s: Segment) => probe.rule && s.setMatchedSamplingRule(probe.rule),
          },
        }) as typeof mw;
        segment = replay.traceRequestResponseCycle(req, res);
      }
      const context = requestContext();
      if (context) context.segment = segment;
      next();
    },
  };
}

/** Stands in for the segment while the SDK decides sampling: the rule it matched, if any. */
class Probe {
  notTraced = false;
  rule: string | undefined;
  constructor(readonly name: string) {}
  setMatchedSamplingRule(rule: string) {
    this.rule = rule;
  }
}

/**
 * An unsampled request records nothing and sends nothing, so it builds no segment (ids, request
 * data, listeners) unless an AWS call needs one for its trace header.
 */
class Unsampled {
  private built: Segment | undefined;
  constructor(
    private readonly name: string,
    private readonly header: Record<string, string>,
  ) {}
  segment(): Segment {
    if (!this.built) {
      this.built = new AWSXRay.Segment(this.name, this.header.root, this.header.parent);
      this.built.notTraced = true;
    }
    return this.built;
  }
}
