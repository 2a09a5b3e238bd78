import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureClientBuilt } from './browser';

/** The issue's budget: the JS a first visit downloads before any route chunk, gzipped. */
const BUDGET_BYTES = 100_000;

describe('client bundle', () => {
  it('when the app first loads, then its initial JS (entry + preloaded chunks) stays within 100 kB gzip', () => {
    const dist = ensureClientBuilt();
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const initial = [
      ...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
      ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
    ].map((m) => m[1]!);
    expect(initial.length).toBeGreaterThan(0);
    const sizes = initial.map((file) => ({
      file,
      gzip: gzipSync(readFileSync(path.join(dist, file))).length,
    }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    console.log(
      `Initial JS: ${(total / 1000).toFixed(1)} kB gzip\n${sizes.map((s) => `  ${s.file}  ${(s.gzip / 1000).toFixed(1)} kB`).join('\n')}`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
    // Pages are split out: none of the route modules is part of the initial download.
    expect(initial.some((f) => /(dashboard|domain-step|documents|results|register|login)-/.test(f))).toBe(
      false,
    );
  });
});
