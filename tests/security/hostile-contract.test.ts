import { ContractChecker, type OpenApiDocument } from '../api/support/contract-checker';
import { hostileCatalogue } from './hostile/all';
import type { Context } from './hostile/catalogue';
import { send, setupContext } from './hostile/harness';

/**
 * The hostile catalogue's refusals against the published document: each status must be documented
 * for the operation the request reached, and each problem body must match the Problem schema. (The
 * catalogue's own test checks the statuses and that nothing changed; this one checks the document.)
 */
const catalogue = hostileCatalogue;

let ctx: Context;
let checker: ContractChecker;
beforeAll(async () => {
  ctx = await setupContext();
  const doc = await fetch(`${ctx.app.url}/api/openapi.json`).then(
    (r) => r.json() as Promise<OpenApiDocument>,
  );
  checker = new ContractChecker(doc);
}, 60_000);
afterAll(async () => {
  await ctx?.app.stop();
});

describe('GET /api/openapi.json against the hostile catalogue', () => {
  it('when every catalogue request is sent, then each refusal is a documented status with a matching problem body', async () => {
    const findings: string[] = [];
    let checked = 0;
    for (const [subject, cases] of Object.entries(catalogue)) {
      for (const c of cases) {
        const req = await c.request(ctx);
        // Raw requests are refused by Node's HTTP parser before any route: described in info.description.
        if (req.raw !== undefined || !req.path.startsWith('/api/')) continue;
        const res = await send(ctx, req);
        checked++;
        for (const f of checker.check({ method: req.method, url: req.path, ...res })) {
          findings.push(`${subject} / ${c.when}: ${f}`);
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(50);
    expect(findings).toEqual([]);
  });
});
