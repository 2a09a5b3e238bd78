/**
 * scripts/build-eager.ts: the bundle's module wrappers become parenthesised functions (compiled with
 * their chunk, so the compile cache holds them), only where that cannot change what they do, and the
 * source maps still point at the original lines.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundle, ROOT } from '../../scripts/build';
import { applyEdits, eagerWrapperEdits } from '../../scripts/build-eager';
import { runNode } from './support/runtime';

const rewrite = (code: string) => applyEdits(code, eagerWrapperEdits(code));

describe('eager module wrappers', () => {
  it('when a top-level wrapper takes nothing from its surroundings, then it becomes a parenthesised function', () => {
    expect(rewrite('var a=w((e,t)=>{t.exports=1;});')).toBe('var a=w((function(e,t){t.exports=1;}));');
    // An arrow inside takes `this` from the wrapper: left alone.
    expect(rewrite('var a=w((e,t)=>{t.exports=()=>this;});')).toBe('var a=w((e,t)=>{t.exports=()=>this;});');
    // A nested function has its own `this` and `arguments`.
    expect(rewrite('var b=w(e=>{e.f=function(){return this||arguments}});')).toBe(
      'var b=w((function(e){e.f=function(){return this||arguments}}));',
    );
  });

  it('when a wrapper uses this, arguments, new.target or super at its own level, then it is left alone', () => {
    for (const body of ['this.x=1', 'e(arguments)', 'class K{[this.k](){}}']) {
      const code = `var a=w((e,t)=>{${body}});`;
      expect(rewrite(code)).toBe(code);
    }
  });

  it('when it is not a one-argument call in a top-level var, then nothing changes', () => {
    for (const code of [
      'var a=s(t=>{t()},"name");',
      'var a=w(async(e)=>{await e});',
      'var a=w(e=>e+1);',
      'function f(){var a=w((e,t)=>{t.exports=1})}',
    ]) {
      expect(rewrite(code)).toBe(code);
    }
  });

  describe('in a real bundle', () => {
    let dir: string;
    beforeAll(async () => {
      mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
      dir = mkdtempSync(path.join(ROOT, 'dist/eager-'));
      mkdirSync(path.join(dir, 'src'));
      // A CommonJS module that throws from a known line and column, behind an ES module entry.
      writeFileSync(
        path.join(dir, 'src/lib.cjs'),
        "'use strict';\nconst label = 'boom';\nmodule.exports = function boom() {\n  throw new Error(label);\n};\n",
      );
      // One whose wrapper spans lines (a template literal keeps its newline when minified): a
      // rewrite earlier in the file must not move the columns of a later line.
      writeFileSync(
        path.join(dir, 'src/lines.cjs'),
        "'use strict';\nconst label = `two\nlines`;\nmodule.exports = function lines() {\n  throw new Error(label);\n};\n",
      );
      writeFileSync(
        path.join(dir, 'src/entry.mjs'),
        "import boom from './lib.cjs';\nimport lines from './lines.cjs';\nexport function run() {\n  boom();\n}\nexport function runLines() {\n  lines();\n}\n",
      );
      await bundle({
        entryPoints: { [path.join(dir, 'src/entry.mjs')]: 'entry' },
        outdir: path.join(dir, 'out'),
      });
      writeFileSync(path.join(dir, 'out/package.json'), '{"type":"module"}\n');
    }, 60_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('when bundled, then the CommonJS wrapper is eager and its stack trace still maps to the original line', async () => {
      expect(readFileSync(path.join(dir, 'out/entry.js'), 'utf8')).toMatch(/\(\(function\(/);
      const run = await runNode(
        [
          '--enable-source-maps',
          '--input-type=module',
          '-e',
          "const { run } = await import('./out/entry.js'); try { run(); } catch (e) { console.log(e.stack); }",
        ],
        {},
        dir,
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Error: boom/);
      expect(run.stdout).toMatch(/src\/lib\.cjs:4:9/);
      expect(run.stdout).toMatch(/src\/entry\.mjs:4:3/);
    });

    it('when a wrapper spans lines, then a throw on a later line still maps to its original line and column', async () => {
      const run = await runNode(
        [
          '--enable-source-maps',
          '--input-type=module',
          '-e',
          "const { runLines } = await import('./out/entry.js'); try { runLines(); } catch (e) { console.log(e.stack); }",
        ],
        {},
        dir,
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Error: two\nlines/);
      expect(run.stdout).toMatch(/src\/lines\.cjs:5:9/);
      expect(run.stdout).toMatch(/src\/entry\.mjs:7:3/);
    });
  });
});
