import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

export const ARTIFACTS = path.resolve('tests/e2e/artifacts');

/** Debian Chromium with the flags from NOTES.md (playwright cannot download browsers here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
}

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return t;
}

/**
 * Builds client/dist when it is missing or older than the client sources. Jest may run several e2e
 * files at once, so a lock directory makes sure only one build writes client/dist at a time.
 */
export function ensureClientBuilt(): string {
  const dist = path.resolve('client/dist');
  const lock = path.join(
    os.tmpdir(),
    `scalemap-client-build-${createHash('sha1').update(dist).digest('hex').slice(0, 8)}`,
  );
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left behind by a crashed run is stale after five minutes.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the client build lock ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    const index = path.join(dist, 'index.html');
    const sources = Math.max(
      newest(path.resolve('client/src')),
      statSync(path.resolve('client/index.html')).mtimeMs,
    );
    if (!existsSync(index) || statSync(index).mtimeMs < sources) {
      // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
      execFileSync('npx', ['vite', 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' },
      });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return dist;
}

export type A11yFinding = { page: string; id: string; impact: string; help: string; targets: string[] };

/** Runs axe (WCAG 2.1 A/AA) and returns the serious and critical violations. */
export async function seriousViolations(page: Page, name: string): Promise<A11yFinding[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: name,
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** A failure the journey provokes on purpose; the browser logs it as a console error. */
export type ExpectedFailure = { status: number | 'network'; path: string };

/**
 * Console errors, minus the browser's own network lines for failures the journey provokes on purpose
 * (a wrong password, a simulated outage, a version conflict).
 */
export function watchConsole(page: Page, expected: ExpectedFailure[]): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const url = msg.location().url ?? '';
    const text = msg.text();
    const allowed = expected.some(
      (e) =>
        new URL(url || 'http://x/').pathname.endsWith(e.path) &&
        (e.status === 'network' ? /net::ERR_/.test(text) : text.includes(`status of ${e.status}`)),
    );
    if (!allowed) errors.push(`${text} (${url})`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}
