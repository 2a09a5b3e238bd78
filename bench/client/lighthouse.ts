import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/support/chromium';

const run$ = promisify(execFile);

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  failedA11yAudits: string[];
}

interface LhrAudit {
  score: number | null;
  numericValue?: number;
  scoreDisplayMode?: string;
}
interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, LhrAudit>;
  runtimeError?: { code: string; message: string };
}

/** Lighthouse (performance and accessibility) on one page, in Debian's Chromium. */
export async function lighthouse(
  url: string,
  cookie: string | undefined,
  outFile: string,
): Promise<LighthouseScores> {
  const args = [
    path.resolve('node_modules/lighthouse/cli/index.js'),
    url,
    '--only-categories=performance,accessibility',
    '--output=json',
    `--output-path=${outFile}`,
    `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`,
    '--quiet',
    '--max-wait-for-load=30000',
  ];
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
  await run$(process.execPath, args, {
    env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
    timeout: 180_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const lhr = JSON.parse(readFileSync(outFile, 'utf8')) as Lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? Number.NaN) * 100);
  const num = (a: string) => lhr.audits[a]?.numericValue ?? Number.NaN;
  const failed = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((r) => r.weight > 0 && lhr.audits[r.id]?.score !== null && (lhr.audits[r.id]?.score ?? 1) < 1)
    .map((r) => r.id);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    fcpMs: num('first-contentful-paint'),
    lcpMs: num('largest-contentful-paint'),
    tbtMs: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    failedA11yAudits: failed,
  };
}
