import { Tracer } from '@aws-lambda-powertools/tracer';
import AWSXRay from 'aws-xray-sdk-core';
import type { Mode } from '../../config';
import type { Tracing } from './tracer';

/** X-Ray on Lambda (Powertools Tracer) and on Fargate (the SDK, to the daemon sidecar). */
export function createXRayTracing(options: { mode: Mode; serviceName: string }): Tracing {
  // Without a segment (e.g. a background relay tick) the SDK must stay quiet, not throw.
  AWSXRay.setContextMissingStrategy('IGNORE_ERROR');

  async function trace<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const parent = AWSXRay.getSegment();
    // An unsampled request records nothing, so it pays for no subsegments either.
    if (!parent || (parent as { notTraced?: boolean }).notTraced) return fn();
    const sub = parent.addNewSubsegment(name);
    try {
      return await AWSXRay.getNamespace().runPromise(() => {
        AWSXRay.setSegment(sub);
        return fn();
      });
    } catch (err) {
      sub.addError(err as Error);
      throw err;
    } finally {
      sub.close();
    }
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

  // Fargate: one segment per request, sent to the X-Ray daemon sidecar on 127.0.0.1:2000.
  AWSXRay.middleware.setDefaultName(options.serviceName);
  return {
    enabled: true,
    captureClient: <T>(c: T): T => AWSXRay.captureAWSv3Client(c as never) as T,
    trace,
    middleware: (req, res, next) => {
      const segment = AWSXRay.middleware.traceRequestResponseCycle(req, res);
      const ns = AWSXRay.getNamespace();
      ns.bindEmitter(req);
      ns.bindEmitter(res);
      ns.run(() => {
        AWSXRay.setSegment(segment);
        next();
      });
    },
  };
}
