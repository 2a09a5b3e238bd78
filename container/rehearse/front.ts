/**
 * The rehearsal's stand-in for CloudFront: `/api/*` goes to the target, everything else is the
 * client folder the stack's bucket deployment uploads, after the stack's own viewer-request
 * CloudFront Function (the SPA rewrite) has run on it.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import vm from 'node:vm';

export type ApiHandler = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => Promise<void>;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** API Gateway's payload limit; CloudFront would pass more, the target would not. */
const MAX_BODY = 6 * 1024 * 1024;

/** Compiles the viewer-request function's code from the template, as CloudFront's JS runtime would run it. */
export function viewerRequestFunction(code: string): (uri: string) => string {
  const sandbox = vm.createContext({});
  const handler = vm.runInContext(`${code}\n;handler`, sandbox) as (e: { request: { uri: string } }) => {
    uri: string;
  };
  return (uri) => handler({ request: { uri } }).uri;
}

export interface Front {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startFront(opts: {
  port: number;
  clientDir: string;
  rewrite: (uri: string) => string;
  api: ApiHandler;
}): Promise<Front> {
  const root = path.resolve(opts.clientDir);
  const server = http.createServer(async (req, res) => {
    try {
      const rawPath = (req.url ?? '/').split('?')[0]!;
      if (rawPath === '/api' || rawPath.startsWith('/api/')) {
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of req) {
          size += (chunk as Buffer).length;
          if (size > MAX_BODY) {
            res
              .writeHead(413, { 'content-type': 'application/json' })
              .end('{"message":"Request Entity Too Large"}');
            return;
          }
          chunks.push(chunk as Buffer);
        }
        await opts.api(req, res, Buffer.concat(chunks));
        return;
      }
      // S3 behind CloudFront: only GET/HEAD, keys as given (no decoding surprises), no directory listing.
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
        return;
      }
      const uri = opts.rewrite(rawPath === '/' ? '/index.html' : rawPath);
      const file = path.join(root, path.normalize(uri).replace(/^(\.\.[/\\])+/, ''));
      if (!file.startsWith(root + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      const body = readFileSync(file);
      const ext = path.extname(file);
      res.writeHead(200, {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'cache-control': uri.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      if (res.headersSent) return res.destroy();
      const missing =
        (err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR';
      res
        .writeHead(missing ? 404 : 502, { 'content-type': 'text/plain' })
        .end(missing ? 'Not Found' : 'Bad Gateway');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${opts.port} is in use: pick another with PORT=3100 npm run rehearse -- …`)
          : err,
      ),
    );
    server.listen(opts.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
