import { getOpenApi } from './contract/operations/public';
import type { OperationRouter } from './platform/http/operation-router';

/**
 * The document at /api/openapi.json, built on its first request and kept. The generator (openapi.ts,
 * with zod's JSON-Schema code) is loaded then too: a dynamic import, which the bundle turns into a chunk
 * of its own, so a cold start neither builds the document nor loads its code.
 */
export function openApiRoute(version: string, mount: OperationRouter['mount']): void {
  let document: Promise<string> | undefined;
  const build = async () => {
    const { buildOpenApi } = await import('./openapi');
    return JSON.stringify(buildOpenApi(version));
  };
  mount(getOpenApi, async (_input, _req, res) => {
    document ??= build().catch((err: unknown) => {
      document = undefined; // a failed load is retried by the next request
      throw err;
    });
    res.type('application/json').send(await document);
  });
}
