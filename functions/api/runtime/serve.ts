/**
 * Serving the app over plain HTTP the way ECS expects: listen on PORT, flush metrics on a timer,
 * and on SIGTERM stop accepting, let in-flight requests finish, close the pool and exit before the
 * task's stop timeout.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app';
import { answerClientErrors } from '../platform/http/client-error';
import { preload } from './deferred';
import type { Runtime } from './profiles';

/** Above the ALB's 60 s idle timeout, so the ALB, not us, closes idle keep-alive connections. */
const KEEP_ALIVE_MS = 65_000;
/** Inside ECS's default 30 s stop timeout, leaving time to close the pool and flush. */
const DRAIN_MS = 25_000;
const METRICS_INTERVAL_MS = 60_000;

/**
 * Keep-alive connections would hold `server.close()` open until they time out. Once draining, every
 * response still to be written says `Connection: close`, and sockets are closed as they go idle.
 */
function drainer(server: http.Server): () => void {
  let draining = false;
  const open = new Set<http.ServerResponse>();
  server.on('request', (_req, res: http.ServerResponse) => {
    open.add(res);
    if (draining && !res.headersSent) res.setHeader('connection', 'close');
    res.on('finish', () => draining && setImmediate(() => server.closeIdleConnections()));
    res.on('close', () => open.delete(res));
  });
  return () => {
    draining = true;
    for (const res of open) if (!res.headersSent) res.setHeader('connection', 'close');
    server.closeIdleConnections();
  };
}

export async function serveHttp({ config, deps }: Runtime): Promise<http.Server> {
  const server = http.createServer({ keepAliveTimeout: KEEP_ALIVE_MS }, createApp(deps));
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  answerClientErrors(server, deps.logger);
  const drain = drainer(server);
  // Unlike a Lambda, a server starts once: load X-Ray, then the AWS clients (captured as they are
  // made), before it reports ready.
  if (deps.tracing) await preload(deps.tracing);
  await preload(deps.identity, deps.storage, deps.events);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  deps.logger.info('listening', { port, poolMax: config.db.poolMax, taskId: deps.taskId });
  const flusher = setInterval(() => deps.metrics.flush(), METRICS_INTERVAL_MS);
  flusher.unref();

  // ECS sends SIGTERM; SIGINT is Ctrl+C on a `docker run`.
  const shutdown = (signal: NodeJS.Signals) => {
    deps.logger.info('draining', { signal });
    clearInterval(flusher);
    // Requests still running when the drain time is up are cut, so the exit beats SIGKILL.
    const deadline = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    deadline.unref();
    // close() stops accepting and closes idle keep-alive sockets; it calls back once in-flight ones end.
    server.close(async () => {
      clearTimeout(deadline);
      await deps.db.close().catch((error: Error) => deps.logger.warn('pool close failed', { error }));
      deps.metrics.flush();
      deps.logger.info('stopped');
      process.exit(0);
    });
    drain();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return server;
}
