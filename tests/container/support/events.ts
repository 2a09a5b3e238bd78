import { randomUUID } from 'node:crypto';

/** One HTTP request, independent of how it reaches the app. Header names are lower-case. */
export interface RequestSpec {
  method: string;
  path: string;
  /** Repeated keys allowed, in order. */
  query?: [string, string][];
  headers?: Record<string, string>;
  /** `name=value` pairs the client sends. */
  cookies?: string[];
  body?: string;
}

/** A response, whichever way it came back: headers joined with `, `, Set-Cookie kept apart. */
export interface Normalized {
  status: number;
  headers: Record<string, string>;
  setCookies: string[];
  body: string;
}

export type EventFormat = 'v2' | 'v1' | 'alb';

/** What the edge adds in front of the app (CloudFront + API Gateway or ALB): the app trusts 2 hops. */
const EDGE = {
  host: 'api.scalemap.example',
  'x-forwarded-for': '203.0.113.7, 198.51.100.2',
  'x-forwarded-proto': 'https',
  'x-forwarded-port': '443',
  'user-agent': 'scalemap-parity',
};

const enc = encodeURIComponent;

function headersFor(spec: RequestSpec): Record<string, string> {
  return { ...EDGE, ...spec.headers };
}

/** API Gateway HTTP API (payload 2.0): cookies in `cookies[]`, repeated query values comma-joined. */
export function v2Event(spec: RequestSpec, requestId: string = randomUUID()) {
  const query = spec.query ?? [];
  const joined: Record<string, string> = {};
  for (const [k, v] of query) joined[k] = k in joined ? `${joined[k]},${v}` : v;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: spec.path,
    rawQueryString: query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&'),
    ...(spec.cookies?.length ? { cookies: spec.cookies } : {}),
    headers: headersFor(spec),
    ...(query.length ? { queryStringParameters: joined } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'api1234567',
      domainName: EDGE.host,
      domainPrefix: 'api',
      http: {
        method: spec.method,
        path: spec.path,
        protocol: 'HTTP/1.1',
        sourceIp: '198.51.100.2',
        userAgent: EDGE['user-agent'],
      },
      requestId,
      routeKey: '$default',
      stage: '$default',
      time: '26/Nov/2026:05:00:00 +0000',
      timeEpoch: 1_795_669_200_000,
    },
    ...(spec.body !== undefined ? { body: spec.body } : {}),
    isBase64Encoded: false,
  };
}

function multi(spec: RequestSpec): Record<string, string[]> {
  const headers = headersFor(spec);
  const out: Record<string, string[]> = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]]));
  if (spec.cookies?.length) out.cookie = [spec.cookies.join('; ')];
  return out;
}

function multiQuery(query: [string, string][], encode: boolean): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of query) {
    const key = encode ? enc(k) : k;
    out[key] = [...(out[key] ?? []), encode ? enc(v) : v];
  }
  return out;
}

/** API Gateway REST API (payload 1.0) through a `{proxy+}` resource. */
export function v1Event(spec: RequestSpec, requestId: string = randomUUID()) {
  const headers = multi(spec);
  const query = spec.query ?? [];
  const mvq = multiQuery(query, false);
  return {
    resource: '/{proxy+}',
    path: spec.path,
    httpMethod: spec.method,
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.at(-1)!])),
    multiValueHeaders: headers,
    queryStringParameters: query.length ? Object.fromEntries(query) : null,
    multiValueQueryStringParameters: query.length ? mvq : null,
    pathParameters: { proxy: spec.path.slice(1) },
    stageVariables: null,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api1234567',
      httpMethod: spec.method,
      identity: { sourceIp: '198.51.100.2', userAgent: EDGE['user-agent'] },
      path: `/prod${spec.path}`,
      protocol: 'HTTP/1.1',
      requestId,
      resourcePath: '/{proxy+}',
      stage: 'prod',
    },
    body: spec.body ?? null,
    isBase64Encoded: false,
  };
}

/** ALB target group with multi-value headers on: query values arrive URL-encoded, as ALB sends them. */
export function albEvent(spec: RequestSpec) {
  return {
    requestContext: {
      elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-2:123456789012:targetgroup/scalemap/abc' },
    },
    httpMethod: spec.method,
    path: spec.path,
    multiValueQueryStringParameters: multiQuery(spec.query ?? [], true),
    multiValueHeaders: { ...multi(spec), 'x-amzn-trace-id': ['Root=1-67891233-abcdef012345678912345678'] },
    body: spec.body ?? '',
    isBase64Encoded: false,
  };
}

/** ALB without multi-value headers (the target group default): one value per header and query key. */
export function albSingleValueEvent(spec: RequestSpec) {
  const { multiValueHeaders, multiValueQueryStringParameters, ...rest } = albEvent(spec);
  return {
    ...rest,
    headers: Object.fromEntries(Object.entries(multiValueHeaders).map(([k, v]) => [k, v.at(-1)!])),
    queryStringParameters: Object.fromEntries(
      Object.entries(multiValueQueryStringParameters).map(([k, v]) => [k, v.at(-1)!]),
    ),
  };
}

export function toEvent(format: EventFormat, spec: RequestSpec, requestId?: string): unknown {
  if (format === 'v2') return v2Event(spec, requestId);
  if (format === 'v1') return v1Event(spec, requestId);
  return albEvent(spec);
}

interface LambdaResult {
  statusCode: number;
  body?: string;
  isBase64Encoded?: boolean;
  headers?: Record<string, string | number | boolean>;
  multiValueHeaders?: Record<string, (string | number | boolean)[]>;
  cookies?: string[];
}

/** A Lambda proxy result, whichever of the three shapes, as a Normalized response. */
export function fromLambda(result: unknown): Normalized {
  const r = result as LambdaResult;
  const headers: Record<string, string> = {};
  let setCookies: string[] = r.cookies ?? [];
  for (const [k, v] of Object.entries(r.headers ?? {})) {
    if (k.toLowerCase() === 'set-cookie') setCookies = [String(v)];
    else headers[k.toLowerCase()] = String(v);
  }
  for (const [k, values] of Object.entries(r.multiValueHeaders ?? {})) {
    if (k.toLowerCase() === 'set-cookie') setCookies = values.map(String);
    else headers[k.toLowerCase()] = values.map(String).join(', ');
  }
  const body = r.isBase64Encoded ? Buffer.from(r.body ?? '', 'base64').toString('utf8') : (r.body ?? '');
  return { status: r.statusCode, headers, setCookies, body };
}

/** The same request over real HTTP. */
export async function overHttp(baseUrl: string, spec: RequestSpec): Promise<Normalized> {
  const qs = (spec.query ?? []).map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  const { host: _host, ...edge } = headersFor(spec);
  const res = await fetch(`${baseUrl}${spec.path}${qs ? `?${qs}` : ''}`, {
    method: spec.method,
    headers: { ...edge, ...(spec.cookies?.length ? { cookie: spec.cookies.join('; ') } : {}) },
    body: spec.body,
  });
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    if (k !== 'set-cookie') headers[k] = v;
  });
  return { status: res.status, headers, setCookies: res.headers.getSetCookie(), body: await res.text() };
}
