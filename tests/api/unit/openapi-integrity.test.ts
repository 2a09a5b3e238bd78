import { buildOpenApi } from '../../../functions/api/openapi';

/** What issue 13 changed in the contract is described in /api/openapi.json. */
type Op = {
  parameters?: { name: string; in: string; schema: Record<string, unknown> }[];
  responses: Record<
    string,
    { headers?: Record<string, unknown>; content?: Record<string, { schema: unknown }> }
  >;
};
const doc = buildOpenApi('test') as unknown as {
  paths: Record<string, Record<string, Op>>;
  components: { schemas: { Problem: { properties: Record<string, unknown> } } };
};
const op = (path: string, method: string) => doc.paths[path]![method]!;

describe('buildOpenApi (issue 13)', () => {
  it('when the list is described, then it takes limit and cursor, can answer 400, and returns nextCursor', () => {
    const list = op('/api/assessments', 'get');
    expect(list.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'limit',
          in: 'query',
          schema: expect.objectContaining({ maximum: 100, default: 20 }),
        }),
        expect.objectContaining({ name: 'cursor', in: 'query' }),
      ]),
    );
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '400', '401']));
    expect(JSON.stringify(list.responses['200']!.content)).toMatch(/nextCursor/);
  });

  it('when creating is described, then the draft cap’s 422 is listed', () => {
    expect(Object.keys(op('/api/assessments', 'post').responses)).toContain('422');
  });

  it('when GET and PUT of an assessment are described, then GET sends an ETag that PUT takes as If-Match', () => {
    expect(op('/api/assessments/{id}', 'get').responses['200']!.headers).toHaveProperty('ETag');
    const put = op('/api/assessments/{id}/responses', 'put');
    expect(put.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'If-Match', in: 'header' })]),
    );
    expect(put.responses['200']!.headers).toHaveProperty('ETag');
  });

  it('when the problem shape is described, then it says how many errors were left out', () => {
    expect(doc.components.schemas.Problem.properties).toHaveProperty('moreErrors');
  });
});
