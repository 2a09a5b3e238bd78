import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { validId } from '../functions/api/platform/http/correlation';
import type { Problem } from '../functions/api/platform/http/problem';

/** Seconds a client should wait before asking again while the app starts. */
const RETRY_AFTER_S = 2;

/** The 503 for a request that arrives before the app is attached: fast, never a hang. */
function answerStarting(req: http.IncomingMessage, res: http.ServerResponse): void {
  const incoming = req.headers['x-correlation-id'];
  const correlationId = typeof incoming === 'string' && validId.test(incoming) ? incoming : randomUUID();
  const problem: Problem = {
    type: '/problems/service-unavailable',
    title: 'Service Unavailable',
    status: 503,
    detail: 'ScaleMap is starting. Try again in a few seconds.',
    correlationId,
  };
  const body = JSON.stringify(problem);
  res.writeHead(503, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'retry-after': String(RETRY_AFTER_S),
    'x-content-type-options': 'nosniff',
    'x-correlation-id': correlationId,
    // The request body is not read; closing spares the next request on this socket from it.
    connection: 'close',
  });
  res.end(body);
}

/**
 * Lets a server listen before the app exists (the stand-ins need its real port first): until
 * `attach(app)` is called every request gets a 503 problem+json with `Retry-After`; after, the app.
 */
export function answerWhileStarting(server: http.Server): { attach(app: http.RequestListener): void } {
  let app: http.RequestListener | undefined;
  server.on('request', (req, res) => (app ? app(req, res) : answerStarting(req, res)));
  return {
    attach(ready) {
      app = ready;
    },
  };
}

/**
 * One line for a start that failed because the port is taken, naming the port and how to pick
 * another; undefined for any other failure (which keeps its full error).
 */
export function busyPortMessage(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException & { port?: number };
  if (e?.code !== 'EADDRINUSE') return undefined;
  const next = e.port && e.port < 65535 ? e.port + 1 : 3100;
  return `Port ${e.port} is already in use (another npm start?). Stop it, or pick another port: PORT=${next} npm start`;
}
