/**
 * The image, checked without a Docker engine: the Dockerfile, .dockerignore, the build output and
 * container/runtime-manifest.json must agree, and no production entry may reach a devDependency.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { bundle, ROOT, readManifest } from '../../scripts/build';
import { compileCacheCommand, LAMBDA_NODE_FLAGS } from '../../scripts/compile-cache';
import { ensureRuntime } from './support/runtime';

const manifest = readManifest();

interface Instruction {
  op: string;
  args: string;
}

/** Dockerfile → stages of instructions (continuations joined, comments dropped). */
function parseDockerfile(text: string): { from: string; name?: string; instructions: Instruction[] }[] {
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  const stages: { from: string; name?: string; instructions: Instruction[] }[] = [];
  for (const line of lines.map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const [, op = '', args = ''] = line.match(/^(\S+)\s+(.*)$/) ?? [];
    if (op.toUpperCase() === 'FROM') {
      const [, from = '', name] = args.match(/^(\S+)(?:\s+AS\s+(\S+))?/i) ?? [];
      stages.push({ from, name, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args });
    }
  }
  return stages;
}

const dockerfile = parseDockerfile(readFileSync(path.join(ROOT, 'container/Dockerfile'), 'utf8'));
const build = dockerfile.find((s) => s.name === 'build')!;
const runtime = dockerfile.at(-1)!;

/** .dockerignore semantics: patterns match a path or any parent folder; the last match wins. */
function ignored(file: string, patterns: string[]): boolean {
  let excluded = false;
  const parts = file.split('/');
  for (const raw of patterns) {
    const negate = raw.startsWith('!');
    const pattern = (negate ? raw.slice(1) : raw).replace(/^\/+|\/+$/g, '');
    const re = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replaceAll('**/', '%GLOBSTAR%')
        .replaceAll('**', '%GLOBSTAR%')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')
        .replaceAll('%GLOBSTAR%', '(?:.*/)?')}$`,
    );
    const matches = parts.some((_, i) => re.test(parts.slice(0, i + 1).join('/')));
    if (matches) excluded = !negate;
  }
  return excluded;
}

const ignorePatterns = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
  .split(/\r?\n/)
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

function filesUnder(rel: string): string[] {
  const full = path.join(ROOT, rel);
  if (!statSync(full).isDirectory()) return [rel];
  return readdirSync(full).flatMap((f) => filesUnder(`${rel}/${f}`));
}

describe('container/Dockerfile', () => {
  it('when read, then the runtime stage is the Lambda Node.js 24 base image', () => {
    expect(runtime.from).toBe('public.ecr.aws/lambda/nodejs:24');
  });

  it("when its runtime stage's COPY lines are read, then they are exactly the manifest's", () => {
    const copies = runtime.instructions
      .filter((i) => i.op === 'COPY')
      .map((i) => {
        const [from, to] = i.args.replace(/--from=\S+\s+/, '').split(/\s+/);
        return { from, to };
      });
    expect(copies).toEqual(manifest.copy);
    expect(
      runtime.instructions.filter((i) => i.op === 'COPY').every((i) => i.args.includes('--from=build')),
    ).toBe(true);
  });

  it('when run without an override, then the command is the Lambda API handler', () => {
    const lambda = manifest.entries.find((e) => e.out === 'lambda.js')!;
    const cmd = runtime.instructions.find((i) => i.op === 'CMD')!;
    expect(JSON.parse(cmd.args)).toEqual([lambda.handler]);
  });

  it('when the build stage runs, then it installs from the lock file, typechecks and builds the runtime only', () => {
    const runs = build.instructions.filter((i) => i.op === 'RUN').map((i) => i.args);
    expect(runs).toContain('npm ci --no-audit --no-fund');
    expect(runs.join('\n')).toMatch(/tsc --noEmit -p tsconfig\.build\.json/);
    expect(runs.join('\n')).toMatch(/npm run build -- --runtime-only/);
  });

  it('when the runtime stage is read, then it installs no packages (everything is bundled)', () => {
    const runs = runtime.instructions.filter((i) => i.op === 'RUN').map((i) => i.args);
    expect(runs.join('\n')).not.toMatch(/npm|yarn|pnpm|node_modules/);
    expect(manifest.productionNodeModules).toEqual([]);
  });

  it("when the runtime stage writes the compile cache, then it runs the shared command with the base's Node and Lambda's V8 flag", () => {
    const runs = runtime.instructions.filter((i) => i.op === 'RUN' && i.args.startsWith('['));
    const commands = runs.map((i) => JSON.parse(i.args) as string[]);
    expect(commands).toContainEqual(compileCacheCommand('/var/lang/bin/node'));
    // The stand-in base starts node as AWS's bootstrap does, so the rehearsal reads the cache as Lambda would.
    const bootstrap = readFileSync(path.join(ROOT, 'container/stand-in-bases/bootstrap'), 'utf8');
    expect(bootstrap).toContain(LAMBDA_NODE_FLAGS.join(' '));
  });
});

describe('.dockerignore', () => {
  const sources = build.instructions
    .filter((i) => i.op === 'COPY' && !i.args.includes('--from='))
    .flatMap((i) => i.args.split(/\s+/).slice(0, -1));

  it('when the build stage copies its sources, then none of them is ignored', () => {
    const files = sources.flatMap(filesUnder).filter((f) => !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => ignored(f, ignorePatterns))).toEqual([]);
  });

  it.each([
    'node_modules/express/package.json',
    'functions/node_modules/x/index.js',
    '.git/HEAD',
    'tests/api/journey.test.ts',
    'functions/api/app.test.ts',
    '.env',
    '.env.production',
    'functions/.env.local',
    'coverage/lcov.info',
    'cdk.out/manifest.json',
    '.data/pg/PG_VERSION',
    'client/src/main.tsx',
    'docs/decisions/0002-lambda-base-image.md',
    'dist/runtime/lambda.js',
  ])('when %s exists, then it is not sent to the build', (file) => {
    expect(ignored(file, ignorePatterns)).toBe(true);
  });
});

describe('the runtime artifact', () => {
  let out: string;
  beforeAll(async () => {
    out = await ensureRuntime();
  }, 120_000);

  it('when built, then it holds exactly the files the manifest lists', () => {
    expect(readdirSync(out).sort()).toEqual([...manifest.files].sort());
  });

  it('when its bundles are inspected, then they require only Node built-ins and the declared externals', () => {
    // esbuild's metafile from the same build lists every import it left as a runtime require().
    const meta = JSON.parse(readFileSync(path.join(out, '../runtime.meta.json'), 'utf8')) as Metafile;
    const allowed = new Set([...builtinModules, ...manifest.externals]);
    for (const entry of manifest.entries) {
      const output = Object.entries(meta.outputs).find(([file]) => file.endsWith(`/${entry.out}`))?.[1];
      expect(output).toBeDefined();
      const foreign = output!.imports
        .filter((i) => i.external && !i.path.startsWith('node:') && !allowed.has(i.path))
        .map((i) => i.path);
      expect({ entry: entry.out, foreign }).toEqual({ entry: entry.out, foreign: [] });
    }
  });
});

describe('the production-only check', () => {
  let scratch: string;
  beforeAll(() => {
    // Inside the repo (dist/ is git-ignored) so bare imports resolve against node_modules.
    mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
    scratch = mkdtempSync(path.join(ROOT, 'dist/.planted-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** A copy of a real entry, relative imports made absolute, plus whatever is planted. */
  function plantedCopy(entry: string, planted: string): string {
    const source = readFileSync(path.join(ROOT, entry), 'utf8').replace(
      /from '(\.{1,2}\/[^']+)'/g,
      (_m, rel: string) => `from '${path.join(ROOT, path.dirname(entry), rel)}'`,
    );
    const file = path.join(
      scratch,
      `${path.basename(entry, '.ts')}-${Math.random().toString(36).slice(2)}.ts`,
    );
    writeFileSync(file, `${source}\n${planted}\n`);
    return file;
  }

  const tryBundle = (file: string) =>
    bundle({
      entryPoints: { [file]: path.basename(file, '.ts') },
      outdir: path.join(scratch, 'out'),
      externals: manifest.externals,
    });

  it('when an entry copy is unchanged, then it bundles', async () => {
    await expect(tryBundle(plantedCopy('functions/api/relay.ts', ''))).resolves.toBeDefined();
  });

  it.each([
    [
      'a static import of a devDependency',
      'functions/api/lambda.ts',
      "import 's3rver';",
      /"s3rver", which is a devDependency/,
    ],
    [
      'a dynamic import of a local stand-in',
      'functions/api/relay.ts',
      `export const local = () => import('${path.join(ROOT, 'container/stand-ins/pglite')}');`,
      /"@electric-sql\/pglite", which is a devDependency/,
    ],
    [
      'an undeclared transitive package',
      'container/server.ts',
      "import 'pino';",
      /"pino", which is not in package\.json dependencies/,
    ],
  ])(
    'when an entry copy gains %s, then the build fails naming it',
    async (_what, entry, planted, message) => {
      const failure = await tryBundle(plantedCopy(entry, planted)).then(
        () => undefined,
        (err: { errors?: { text: string }[] }) => err,
      );
      expect(failure?.errors?.map((e) => e.text).join('\n')).toMatch(message);
    },
  );
});
