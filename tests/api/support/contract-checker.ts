import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;
interface MediaType {
  schema: Schema;
}
interface ResponseObject {
  description: string;
  headers?: Record<string, { schema?: Schema }>;
  content?: Record<string, MediaType>;
}
interface OperationObject {
  operationId: string;
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, Schema> };
}

/** What a test saw: the request it sent and the answer it got. */
export interface Exchange {
  method: string;
  /** The URL path as sent, with any query string. */
  url: string;
  requestBody?: unknown;
  status: number;
  headers: Headers;
  text: string;
}

const PROBLEM_ID = 'urn:scalemap:problem';

/**
 * Checks real exchanges against /api/openapi.json with a standard JSON Schema validator (Ajv, draft
 * 2020-12): the status is documented for the operation, the body's media type and shape match it,
 * documented headers match their schema, and a request the server accepted fits the documented body.
 */
export class ContractChecker {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false });
  private readonly compiled = new Map<Schema, ValidateFunction>();
  private readonly templates: { template: string; pattern: RegExp; literal: number }[];

  constructor(readonly doc: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema({ ...doc.components.schemas.Problem, $id: PROBLEM_ID });
    this.templates = Object.keys(doc.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/\./g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
        literal: template.replace(/\{\w+\}/g, '').length,
      }))
      .sort((a, b) => b.literal - a.literal);
  }

  /** The documented operation an exchange reached, if any. */
  operation(method: string, url: string): { template: string; op: OperationObject } | undefined {
    const path = url.split('?')[0]!;
    for (const { template, pattern } of this.templates) {
      const op = this.doc.paths[template]?.[method.toLowerCase()];
      if (pattern.test(path) && op) return { template, op };
    }
    return undefined;
  }

  private validate(schema: Schema, value: unknown): string | undefined {
    let fn = this.compiled.get(schema);
    if (!fn) {
      const resolved = JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components/schemas/Problem"', `"${PROBLEM_ID}"`),
      );
      fn = this.ajv.compile(resolved);
      this.compiled.set(schema, fn);
    }
    if (fn(value)) return undefined;
    return this.ajv.errorsText(fn.errors, { separator: '; ' });
  }

  /** Every way the exchange departs from the document (empty when it conforms). */
  check(x: Exchange): string[] {
    const found = this.operation(x.method, x.url);
    const name = `${x.method} ${x.url.split('?')[0]} → ${x.status}`;
    const type = x.headers.get('content-type')?.split(';')[0]?.trim();
    if (!found) {
      // Unknown or malformed paths are described once (info.description): a 404 or 400 problem.
      if (x.status !== 404 && x.status !== 400) return [`${name}: no documented operation`];
      const error = this.validate({ $ref: '#/components/schemas/Problem' }, JSON.parse(x.text));
      return error ? [`${name}: problem body: ${error}`] : [];
    }
    const { op } = found;
    const label = `${op.operationId} (${name})`;
    const spec = op.responses[String(x.status)];
    if (!spec) return [`${label}: status ${x.status} is not documented`];
    const out: string[] = [];
    if (!x.text) {
      if (spec.content) out.push(`${label}: documented with a body, sent none`);
    } else {
      const media = type ? spec.content?.[type] : undefined;
      if (!media) out.push(`${label}: ${type ?? 'no content type'} is not documented`);
      else {
        const error = this.validate(media.schema, JSON.parse(x.text));
        if (error) out.push(`${label}: body: ${error}`);
      }
    }
    for (const [header, { schema }] of Object.entries(spec.headers ?? {})) {
      const value = x.headers.get(header);
      if (value !== null && schema) {
        const error = this.validate(schema, value);
        if (error) out.push(`${label}: header ${header}: ${error}`);
      }
    }
    if (x.status < 300 && x.requestBody !== undefined) {
      const media = op.requestBody?.content['application/json'];
      if (!media) out.push(`${label}: accepted a body the document does not describe`);
      else {
        const error = this.validate(media.schema, x.requestBody);
        if (error) out.push(`${label}: accepted a request body the document refuses: ${error}`);
      }
    }
    return out;
  }
}
