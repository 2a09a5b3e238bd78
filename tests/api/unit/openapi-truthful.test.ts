import { operations } from '../../../functions/api/contract/operations';
import { buildOpenApi } from '../../../functions/api/openapi';

/** What issue 12 asked of the document, checked on the generated one (not on a hand-written table). */
type Schema = Record<string, unknown>;
type Op = {
  operationId?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
};
const doc = buildOpenApi('test') as unknown as {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Op>>;
};
const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
  Object.entries(byMethod).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
);

/** Every place in an input schema that accepts unbounded text, lists or maps. */
function unbounded(schema: Schema, at: string): string[] {
  const out: string[] = [];
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (types.includes('string') && schema.maxLength === undefined && !schema.enum && !schema.format)
    out.push(at);
  if (types.includes('array') && schema.maxItems === undefined) out.push(at);
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object' && schema.maxProperties === undefined) out.push(at);
  for (const [name, sub] of Object.entries((schema.properties as Record<string, Schema>) ?? {})) {
    out.push(...unbounded(sub, `${at}.${name}`));
  }
  for (const key of ['items', 'additionalProperties', 'propertyNames'] as const) {
    const sub = schema[key];
    if (sub && typeof sub === 'object') out.push(...unbounded(sub as Schema, `${at}[${key}]`));
  }
  for (const sub of [...((schema.anyOf as Schema[]) ?? []), ...((schema.allOf as Schema[]) ?? [])]) {
    out.push(...unbounded(sub, at));
  }
  return out;
}

describe('buildOpenApi (issue 12)', () => {
  it('when generated, then every operation of the contract is in it, each with a unique operationId', () => {
    expect(ops).toHaveLength(operations.length);
    const ids = ops.map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('when an operation is public, then it says so with security: [], and a protected one documents 401', () => {
    for (const { key, op } of ops) {
      expect({ key, security: Array.isArray(op.security) }).toEqual({ key, security: true });
      if (op.security!.length > 0) expect(Object.keys(op.responses)).toContain('401');
    }
    expect(doc.paths['/api/health']!.get!.security).toEqual([]);
    expect(doc.paths['/api/assessments']!.get!.security).not.toEqual([]);
  });

  it('when an operation takes a body, then 400, 413 and 415 are documented; when it is cookie-unsafe, 403', () => {
    for (const { key, op } of ops) {
      const statuses = Object.keys(op.responses);
      if (op.requestBody)
        expect({ key, statuses }).toEqual({ key, statuses: expect.arrayContaining(['400', '413', '415']) });
      if (op.security!.length > 0 && !key.startsWith('GET ')) {
        expect({ key, statuses }).toEqual({ key, statuses: expect.arrayContaining(['403']) });
      }
    }
  });

  it('when inputs are described, then every string, list and map in them is bounded', () => {
    const found = ops.flatMap(({ key, op }) => [
      ...(op.parameters ?? []).flatMap((p) => unbounded(p.schema, `${key} ${p.in}:${p.name}`)),
      ...Object.values(op.requestBody?.content ?? {}).flatMap((m) => unbounded(m.schema, `${key} body`)),
    ]);
    expect(found).toEqual([]);
  });

  it('when served, then the document names its server', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
  });
});
