/**
 * The seed's first incident class, re-proved on the real Dockerfile: a production entry that imports
 * a dev-only package at top level (it once crashed the container at start) must fail the image build
 * with a message naming the package. The build runs on a copy of the context with the import planted.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildImage } from '../../container/rehearse/image';
import { podmanSync, ROOT } from '../../container/rehearse/podman';

jest.setTimeout(600_000);

/** What the Dockerfile's context holds (.dockerignore is an allow-list), copied. */
function contextCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-planted-'));
  for (const rel of [
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'tsconfig.build.json',
    '.dockerignore',
    'scripts',
    'functions',
    'container/Dockerfile',
    'container/server.ts',
    'container/runtime-manifest.json',
  ]) {
    cpSync(path.join(ROOT, rel), path.join(dir, rel), { recursive: true });
  }
  return dir;
}

describe('container/Dockerfile with a planted dev-only import', () => {
  it.each([
    ['functions/api/lambda.ts', 's3rver'],
    ['container/server.ts', '@electric-sql/pglite'],
  ])('when %s imports %s at top level, then the image build fails naming it', async (entry, pkg) => {
    const dir = contextCopy();
    const tag = `localhost/scalemap:planted-${path.basename(entry, '.ts')}`;
    try {
      const file = path.join(dir, entry);
      writeFileSync(file, `import '${pkg}';\n${readFileSync(file, 'utf8')}`);
      const lines: string[] = [];
      await expect(buildImage({ context: dir, tag, log: (l) => lines.push(l) })).rejects.toThrow();
      const output = lines.join('\n');
      expect(output).toMatch(/STEP \d+\/\d+: RUN npx tsc --noEmit -p tsconfig.build.json && npm run build/);
      expect(output).toContain(pkg);
      expect(output).toMatch(/devDependenc/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      try {
        podmanSync(['rmi', '-f', tag]);
      } catch {
        // never tagged: the build failed, as it should
      }
    }
  });
});
