import type { Logger } from '@aws-lambda-powertools/logger';
import type { Request, RequestHandler } from 'express';
import { currentLogger } from '../observability/logger';
import type { AppMetrics } from '../observability/metrics';

const uuidSegment = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi;

/** The route template (`/api/assessments/:id/documents/:docId`), never the raw path. */
export function routeTemplate(req: Request): string {
  if (!req.route) return '(unmatched)';
  const names = [':id', ':docId'];
  let i = 0;
  const path = (req.baseUrl + (req.route.path === '/' ? '' : req.route.path)).replace(
    uuidSegment,
    () => `/${names[Math.min(i++, names.length - 1)]}`,
  );
  return `${req.method} ${path || '/'}`;
}

/** One access-log line per request, and the latency metric by route. */
export function accessLog(root: Logger, metrics: AppMetrics): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Math.round(Number(process.hrtime.bigint() - start) / 1e4) / 100;
      // Operations name themselves from the contract; anything else (static files) by its template.
      const route = (res.locals.route as string | undefined) ?? routeTemplate(req);
      currentLogger(root).info('request', {
        method: req.method,
        route,
        status: res.statusCode,
        durationMs,
        ...(req.user ? { userId: req.user.id } : {}),
      });
      // req.path is router-relative by now; originalUrl is what the client asked for.
      if (req.originalUrl.startsWith('/api/')) metrics.latency(route, durationMs);
    });
    next();
  };
}
