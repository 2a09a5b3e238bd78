/**
 * A minimal Lambda Runtime API (2018-06-01) for one execution environment: the runtime interface
 * client in the container long-polls `invocation/next`, answers on `…/response` or `…/error`, and
 * reports a failed init on `init/error`. One invocation at a time, as Lambda does.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type InvokeResult =
  | { kind: 'response'; payload: unknown }
  | { kind: 'error'; payload: { errorType?: string; errorMessage?: string } }
  | { kind: 'init-error'; payload: { errorType?: string; errorMessage?: string } }
  | { kind: 'timeout' }
  | { kind: 'exited'; code: number };

interface Pending {
  id: string;
  event: unknown;
  deadlineMs: number;
  sent: boolean;
  done(result: InvokeResult): void;
}

const PREFIX = '/2018-06-01/runtime';

/** An X-Ray trace header as Lambda passes it (unsampled: nothing is sent anywhere). */
function traceId(requestId: string): string {
  const hex = requestId.replaceAll('-', '');
  return `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${hex.slice(0, 24)};Parent=${hex.slice(16, 32)};Sampled=0`;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class RuntimeApi {
  private server = http.createServer((req, res) => void this.route(req, res));
  private queue: Pending[] = [];
  private poller?: http.ServerResponse;
  /** The last init error the runtime reported, if any. */
  initError?: { errorType?: string; errorMessage?: string };
  port = 0;

  constructor(private readonly functionArn: string) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return `127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    this.fail({ kind: 'exited', code: 0 });
    this.poller?.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues an invocation and resolves with how it ended. */
  invoke(event: unknown, timeoutMs: number): Promise<InvokeResult> {
    return new Promise((resolve) => {
      const pending: Pending = {
        id: randomUUID(),
        event,
        deadlineMs: 0,
        sent: false,
        done: (result) => {
          clearTimeout(timer);
          this.queue = this.queue.filter((p) => p !== pending);
          resolve(result);
          this.dispatch();
        },
      };
      const timer = setTimeout(() => pending.done({ kind: 'timeout' }), timeoutMs);
      pending.deadlineMs = Date.now() + timeoutMs;
      this.queue.push(pending);
      this.dispatch();
    });
  }

  /** Ends every queued invocation (the environment died). */
  fail(result: InvokeResult): void {
    for (const p of [...this.queue]) p.done(result);
  }

  /** Hands the oldest invocation to the waiting runtime, if it is idle. */
  private dispatch(): void {
    const next = this.queue[0];
    if (!next || next.sent || !this.poller) return;
    if (this.queue.some((p) => p.sent)) return;
    const res = this.poller;
    this.poller = undefined;
    next.sent = true;
    res.writeHead(200, {
      'content-type': 'application/json',
      'lambda-runtime-aws-request-id': next.id,
      'lambda-runtime-deadline-ms': String(next.deadlineMs),
      'lambda-runtime-invoked-function-arn': this.functionArn,
      'lambda-runtime-trace-id': traceId(next.id),
    });
    res.end(JSON.stringify(next.event));
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = req.url ?? '';
    if (req.method === 'GET' && url === `${PREFIX}/invocation/next`) {
      this.poller = res;
      res.on('close', () => {
        if (this.poller === res) this.poller = undefined;
      });
      this.dispatch();
      return;
    }
    const body = parse(await readBody(req));
    const accepted = () => {
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end('{"status":"OK"}');
    };
    if (req.method === 'POST' && url === `${PREFIX}/init/error`) {
      this.initError = body as { errorType?: string; errorMessage?: string };
      accepted();
      this.fail({ kind: 'init-error', payload: this.initError });
      return;
    }
    const match = url.match(new RegExp(`^${PREFIX}/invocation/([^/]+)/(response|error)$`));
    const pending = match && this.queue.find((p) => p.id === decodeURIComponent(match[1]!));
    if (req.method === 'POST' && match && pending) {
      accepted();
      pending.done(
        match[2] === 'response'
          ? { kind: 'response', payload: body }
          : { kind: 'error', payload: body as { errorType?: string; errorMessage?: string } },
      );
      return;
    }
    res.writeHead(match ? 400 : 404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ errorMessage: `unknown request ${req.method} ${url}`, errorType: 'InvalidRequest' }),
    );
  }
}
