/**
 * The compile cache the image ships for the Lambda API handler (ADR 0011), on the host: written by
 * the image's own command (scripts/compile-cache.ts), read by lambda.js when Node runs with Lambda's
 * flags, and harmless when it does not match (another Node, other V8 flags, a changed chunk).
 */
import { appendFileSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LAMBDA_NODE_FLAGS, writeCompileCache } from '../../scripts/compile-cache';
import { assembleTaskRoot, ensureRuntime, NODE24, paperCloudEnvFor, runNode } from './support/runtime';

/** Imports lambda.js as the runtime interface client does and invokes it once. */
const INVOKE = `
const { handler } = await import(process.cwd() + '/lambda.js');
const event = {
  version: '2.0', routeKey: '$default', rawPath: '/api/questionnaire', rawQueryString: '',
  headers: { host: 'api.example.com' },
  requestContext: { requestId: 'cache-0001', http: { method: 'GET', path: '/api/questionnaire', sourceIp: '203.0.113.7' } },
  isBase64Encoded: false,
};
const res = await handler(event, { awsRequestId: 'cache-0001', getRemainingTimeInMillis: () => 30000 });
console.log(JSON.stringify({ probe: 'done', status: res.statusCode }));
`;

let task: { dir: string; remove(): void };
const env = { ...paperCloudEnvFor('https://app.scalemap.example'), NODE_DEBUG_NATIVE: 'COMPILE_CACHE' };

beforeAll(async () => {
  task = assembleTaskRoot(await ensureRuntime());
  writeFileSync(path.join(task.dir, 'invoke.mjs'), INVOKE);
  writeCompileCache(NODE24, task.dir);
}, 120_000);

afterAll(() => task?.remove());

const lines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const invoke = (flags: string[]) => runNode([...flags, 'invoke.mjs'], env, task.dir, 30_000);

/** The lambda-handler chunk's cache entry, as Node's debug output reports it. */
const handlerChunk = (stderr: string) =>
  stderr.split('\n').filter((l) => /code cache for ESM \S+\/chunks\/lambda-handler-\w+\.js/.test(l));

describe('the shipped compile cache', () => {
  it('when the image command runs, then it writes one cache folder keyed by this Node and Lambda’s V8 flags', () => {
    const folders = readdirSync(path.join(task.dir, 'compile-cache'));
    expect(folders).toHaveLength(1);
    // <node version>-<arch>-<hash of the V8 flags>-<uid>
    expect(folders[0]).toMatch(new RegExp(`^v24\\.[\\d.]+-x64-[0-9a-f]{8}-${process.getuid?.() ?? 0}$`));
    // One entry per module: lambda.js and every chunk, those loaded later (X-Ray, the AWS clients) too.
    const chunks = readdirSync(path.join(task.dir, 'chunks')).filter((f) => f.endsWith('.js'));
    const entries = readdirSync(path.join(task.dir, 'compile-cache', folders[0]!));
    expect(entries).toHaveLength(chunks.length + 1);
    // Readable by any uid: Lambda does not run as the one that built the image.
    const mode = (p: string) => statSync(path.join(task.dir, 'compile-cache', p)).mode & 0o777;
    expect(mode(folders[0]!)).toBe(0o755);
    for (const entry of entries) expect(mode(`${folders[0]}/${entry}`)).toBe(0o644);
  });

  it('when Node starts as Lambda starts it, then lambda.js uses the cache and says so once', async () => {
    const run = await invoke(LAMBDA_NODE_FLAGS);
    expect(run.code).toBe(0);
    const out = lines(run.stdout);
    expect(out.find((l) => l.probe)).toEqual({ probe: 'done', status: 200 });
    const notice = out.filter((l) => l.message === 'compile cache');
    expect(notice).toHaveLength(1);
    expect(notice[0]!.compileCache).toMatchObject({ state: 'shipped' });
    expect(handlerChunk(run.stderr).join('\n')).toMatch(/was accepted/);
    // Every module it read was in the cache: nothing to write back (Lambda's /var/task is read-only).
    expect(run.stderr).not.toMatch(/writing cache for/);
    expect(run.stderr).not.toMatch(/was rejected/);
  });

  it('when Node runs without Lambda’s V8 flag, then the cache is not used, a warning says why, and the answer is the same', async () => {
    const run = await invoke([]);
    expect(run.code).toBe(0);
    expect(lines(run.stdout).find((l) => l.probe)).toEqual({ probe: 'done', status: 200 });
    const warning = lines(run.stderr).find((l) => l.level === 'WARN');
    expect(warning).toMatchObject({
      message: 'compile cache not used; cold starts compile everything',
      compileCache: { state: 'mismatch' },
    });
    expect(handlerChunk(run.stderr).join('\n')).not.toMatch(/was accepted/);
  });

  it('when a chunk changed after the cache was written, then Node compiles it afresh and serves the same answer', async () => {
    const chunks = path.join(task.dir, 'chunks');
    const handler = readdirSync(chunks).find((f) => /^lambda-handler-\w+\.js$/.test(f))!;
    appendFileSync(path.join(chunks, handler), '\n// changed after the cache was written\n');
    const run = await invoke(LAMBDA_NODE_FLAGS);
    expect(run.code).toBe(0);
    expect(lines(run.stdout).find((l) => l.probe)).toEqual({ probe: 'done', status: 200 });
    expect(handlerChunk(run.stderr).join('\n')).not.toMatch(/was accepted/);
  });

  it('when nothing is shipped (a host build), then lambda.js runs without a cache and without a notice', async () => {
    const bare = assembleTaskRoot(await ensureRuntime());
    try {
      writeFileSync(path.join(bare.dir, 'invoke.mjs'), INVOKE);
      expect(existsSync(path.join(bare.dir, 'compile-cache'))).toBe(false);
      const run = await runNode([...LAMBDA_NODE_FLAGS, 'invoke.mjs'], env, bare.dir, 30_000);
      expect(run.code).toBe(0);
      expect(lines(run.stdout).find((l) => l.probe)).toEqual({ probe: 'done', status: 200 });
      expect(lines(run.stdout).some((l) => l.message === 'compile cache')).toBe(false);
    } finally {
      bare.remove();
    }
  });
});
