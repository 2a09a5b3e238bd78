import * as z from 'zod/mini';
import { allResponses, type Operation, type ResponseSpec } from './contract/operation';
import { operations } from './contract/operations';
import { problem } from './contract/problem';

type JsonSchema = Record<string, unknown>;

/** zod → JSON Schema; `.meta()` may replace keywords (a query's text documented as an integer). */
function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      const out = ctx.jsonSchema;
      const meta = z.globalRegistry.get(ctx.zodSchema);
      // A documented integer is not also a string pattern.
      if (meta?.type === 'integer') delete out.pattern;
      if (meta?.default !== undefined) out.default = meta.default;
      // zod bounds every integer by the safe range: true, but noise in a document.
      if (out.minimum === Number.MIN_SAFE_INTEGER) delete out.minimum;
      if (out.maximum === Number.MAX_SAFE_INTEGER) delete out.maximum;
      // A tuple of one type (scale labels) as a fixed-length array: the linters want `items`.
      const prefix = out.prefixItems as (typeof out.items)[] | undefined;
      if (prefix?.every((item) => JSON.stringify(item) === JSON.stringify(prefix[0]))) {
        out.items = prefix[0];
        delete out.prefixItems;
      }
    },
  }) as JsonSchema;
  delete out.$schema;
  return out;
}

/** Query or header parameters from an object schema's properties. */
function parameters(schema: z.core.$ZodType | undefined, where: 'query' | 'header'): JsonSchema[] {
  if (!schema) return [];
  const { properties = {}, required = [] } = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, { description, ...rest }]) => ({
    name:
      where === 'header'
        ? name.replace(/(^|-)(\w)/g, (_m, dash: string, c: string) => dash + c.toUpperCase())
        : name,
    in: where,
    ...(required.includes(name) ? { required: true } : {}),
    ...(description ? { description } : {}),
    schema: rest,
  }));
}

function pathParameters(op: Operation): JsonSchema[] {
  return [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    description: 'A UUID; one that is not well-formed names nothing (404).',
    schema: { type: 'string', format: 'uuid' },
  }));
}

function response(status: number, spec: ResponseSpec): JsonSchema {
  const content =
    spec.body === 'none'
      ? {}
      : spec.body === 'problem'
        ? { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }
        : { content: { 'application/json': { schema: jsonSchema(spec.body, 'output') } } };
  const problemHeaders =
    status === 503 && spec.body === 'problem'
      ? { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } }
      : {};
  const headers = { ...(spec.headers ?? {}), ...problemHeaders };
  return { description: spec.description, ...(Object.keys(headers).length ? { headers } : {}), ...content };
}

function operation(op: Operation): JsonSchema {
  const params = [
    ...pathParameters(op),
    ...parameters(op.query, 'query'),
    ...parameters(op.headers, 'header'),
  ];
  const responses = Object.fromEntries(
    Object.entries(allResponses(op))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([status, spec]) => [status, response(Number(status), spec)]),
  );
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: op.auth === 'session' ? [{ bearer: [] }, { session: [] }, { sessionHttp: [] }] : [],
    ...(params.length ? { parameters: params } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(op.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

const tags = [
  { name: 'auth', description: 'Registration, sessions and passwords.' },
  { name: 'account', description: "The user's data: export and deletion." },
  { name: 'questionnaire', description: 'The public questionnaire.' },
  { name: 'assessments', description: 'Drafts, answers, submission and results.' },
  { name: 'documents', description: 'Supporting documents, uploaded straight to storage.' },
  { name: 'health', description: 'Liveness and dependencies.' },
  { name: 'meta', description: 'This document.' },
];

/** OpenAPI 3.1, generated from the contract: the same declarations the routes are mounted from. */
export function buildOpenApi(version: string) {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operation(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ScaleMap API',
      version,
      description:
        'Any path with a malformed percent-encoding is a 400, and requests the HTTP parser refuses get 400 or 431; a body on any call must be JSON of at most 100 kB (else 400, 413 or 415); an unknown path under /api is a 404; an unexpected failure is a 500. All as application/problem+json.',
      contact: { name: 'ScaleMap engineering' },
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'The origin that serves the app (relative: the API shares it).' }],
    tags,
    paths,
    components: {
      schemas: { Problem: jsonSchema(problem, 'output') },
      headers: {
        RetryAfter: {
          description: 'On a 503: seconds to wait before retrying.',
          schema: { type: 'integer', minimum: 0 },
        },
      },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito access token.',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-scalemap_session',
          description: 'The session cookie set by login, over HTTPS.',
        },
        sessionHttp: {
          type: 'apiKey',
          in: 'cookie',
          name: 'scalemap_session',
          description: 'The same cookie over plain HTTP (`npm start` only).',
        },
      },
    },
  };
}
