import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../deps';
import { runWithRequestContext } from '../observability/logger';

/** What an incoming correlation id may look like; anything else is replaced by a new one. */
export const validId = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Picks the correlation id: a valid incoming `x-correlation-id`, API Gateway's request id, the ALB's
 * `x-amzn-trace-id`, or a new UUID. Sets the response header and runs the request in its own
 * logging context.
 */
export function correlation(deps: AppDeps): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-correlation-id');
    const trace = req.get('x-amzn-trace-id');
    const invocation = deps.invocation?.();
    const correlationId =
      (incoming && validId.test(incoming) && incoming) ||
      invocation?.apiRequestId ||
      (trace && validId.test(trace) && trace) ||
      randomUUID();
    res.setHeader('x-correlation-id', correlationId);
    req.correlationId = correlationId;
    const keys = {
      correlationId,
      ...(invocation?.lambdaRequestId ? { lambdaRequestId: invocation.lambdaRequestId } : {}),
      ...(deps.taskId ? { ecsTaskId: deps.taskId } : {}),
    };
    runWithRequestContext({ keys, correlationId }, () => next());
  };
}
