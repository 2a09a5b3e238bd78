/**
 * API Gateway HTTP API (payload format 2.0) on both sides of a Lambda invocation: an HTTP request
 * becomes the event API Gateway would send, and the function's result becomes the HTTP response
 * API Gateway would write.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';

export interface HttpApiEvent {
  version: '2.0';
  routeKey: '$default';
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  requestContext: {
    accountId: string;
    apiId: string;
    domainName: string;
    domainPrefix: string;
    http: { method: string; path: string; protocol: string; sourceIp: string; userAgent: string };
    requestId: string;
    routeKey: '$default';
    stage: '$default';
    time: string;
    timeEpoch: number;
  };
  body?: string;
  isBase64Encoded: boolean;
}

export interface HttpApiResult {
  statusCode?: number;
  headers?: Record<string, string | number | boolean>;
  multiValueHeaders?: Record<string, (string | number | boolean)[]>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}

/** Content types API Gateway passes as text; anything else arrives base64-encoded. */
const TEXT = /^(text\/|application\/(json|problem\+json|xml|x-www-form-urlencoded|javascript))/i;

export function toHttpApiEvent(req: http.IncomingMessage, body: Buffer): HttpApiEvent {
  const url = new URL(req.url ?? '/', 'http://rehearsal');
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (key === 'cookie') {
      cookies = (Array.isArray(value) ? value.join('; ') : value).split(/;\s*/).filter(Boolean);
      continue;
    }
    headers[key] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const now = new Date();
  const text = TEXT.test(headers['content-type'] ?? '');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies,
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    requestContext: {
      accountId: 'anonymous',
      apiId: 'rehearsal',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'rehearsal',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.length ? (text ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !text,
  };
}

/** Writes a function result as API Gateway does (a non-object result is a 200 JSON body). */
export function writeHttpApiResult(res: http.ServerResponse, result: unknown): void {
  if (!result || typeof result !== 'object' || !('statusCode' in result)) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(typeof result === 'string' ? result : JSON.stringify(result));
    return;
  }
  const r = result as HttpApiResult;
  for (const [k, v] of Object.entries(r.headers ?? {})) res.setHeader(k, String(v));
  for (const [k, v] of Object.entries(r.multiValueHeaders ?? {})) res.setHeader(k, v.map(String));
  if (r.cookies?.length) res.setHeader('set-cookie', r.cookies);
  res.statusCode = r.statusCode ?? 200;
  res.end(r.body ? Buffer.from(r.body, r.isBase64Encoded ? 'base64' : 'utf8') : undefined);
}

/** API Gateway's own answers when the integration fails. */
export function writeGatewayError(
  res: http.ServerResponse,
  status: 500 | 502 | 503 | 504,
  message: string,
): void {
  res.writeHead(status, { 'content-type': 'application/json', 'apigw-requestid': randomUUID() });
  res.end(JSON.stringify({ message }));
}
