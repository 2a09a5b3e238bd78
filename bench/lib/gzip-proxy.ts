import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { listenOnLoopback } from './listen';

const compressible = /^(text\/|application\/(javascript|json|xml)|image\/svg\+xml)/;

/**
 * A reverse proxy on 127.0.0.1 that gzips compressible responses, as CloudFront does in front of
 * the app in production (the app itself does not compress). Used by P4 so Lighthouse sees the
 * transfer sizes users get.
 */
export async function startGzipProxy(upstream: string): Promise<{ url: string; stop(): Promise<void> }> {
  const target = new URL(upstream);
  const server = http.createServer((req, res) => {
    const up = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, 'accept-encoding': 'identity' },
      },
      (upRes) => {
        const chunks: Buffer[] = [];
        upRes.on('data', (c: Buffer) => chunks.push(c));
        upRes.on('end', () => {
          let body = Buffer.concat(chunks);
          const headers = { ...upRes.headers };
          const type = String(headers['content-type'] ?? '');
          if (
            /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) &&
            compressible.test(type) &&
            body.length > 1024
          ) {
            body = gzipSync(body);
            headers['content-encoding'] = 'gzip';
            headers.vary = 'Accept-Encoding';
          }
          headers['content-length'] = String(body.length);
          delete headers['transfer-encoding'];
          res.writeHead(upRes.statusCode ?? 502, headers);
          res.end(body);
        });
      },
    );
    up.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(up);
  });
  return listenOnLoopback(server);
}
