/**
 * P4 client: the built SPA's JavaScript, gzipped, split into what the first page load fetches
 * (entry script and modulepreloads in index.html) and the lazy route chunks; then Lighthouse
 * (performance and accessibility, its default mobile profile with simulated throttling) on the
 * built client served by the local entry, for a public page and for signed-in pages (cookie sent
 * with --extra-headers). Chromium is Debian's, run with the flags from the field notes.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { domains } from '../../functions/api/features/questionnaire/catalogue';
import { CHROMIUM_PATH } from '../../tests/support/chromium';
import { allAnswers, registerAndLogin } from '../../tests/support/client';
import { createBenchDatabase } from '../lib/db';
import { startGzipProxy } from '../lib/gzip-proxy';
import type { BenchOptions } from '../lib/options';
import { spawnServer } from '../lib/proc';
import { type BenchResult, type GoalCheck, mdTable } from '../lib/report';
import { fmt, median } from '../lib/stats';
import { type Asset, buildClient, measureAssets } from './assets';
import { type LighthouseScores, lighthouse } from './lighthouse';

const GOAL_SCORE = 95;

/** A user with one fully answered, submitted assessment; returns the cookie and pages to audit. */
async function seedPages(url: string): Promise<{ cookie: string; pages: { name: string; path: string }[] }> {
  const { client } = await registerAndLogin(url, 'p4');
  const created = await client.post<{ id: string }>('/api/assessments', {});
  const id = created.body.id;
  await client.put(`/api/assessments/${id}/responses`, { responses: allAnswers() });
  const submitted = await client.post(`/api/assessments/${id}/submit`);
  if (submitted.status !== 200) throw new Error(`seeding the results page failed: ${submitted.status}`);
  const draft = await client.post<{ id: string }>('/api/assessments', {});
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    cookie,
    pages: [
      { name: 'dashboard (signed in)', path: '/' },
      {
        name: 'questionnaire step (signed in)',
        path: `/assessments/${draft.body.id}/domains/${domains[0]!.id}`,
      },
      { name: 'results (signed in)', path: `/assessments/${id}/results` },
    ],
  };
}

export async function run(options: BenchOptions): Promise<BenchResult> {
  const outDir = path.join(options.resultsDir, 'client-dist');
  options.log('P4: building the client (vite) into bench/results/client-dist');
  await buildClient(outDir);
  const assets = measureAssets(outDir);
  const sum = (kind: Asset['kind'], type: Asset['type'], k: 'bytes' | 'gzip' | 'brotli') =>
    assets.filter((a) => a.kind === kind && a.type === type).reduce((n, a) => n + a[k], 0);
  const kb = (n: number) => fmt(n / 1024, 1);

  const goals: GoalCheck[] = [];
  const notes: string[] = [];
  const lighthouseRows: (string | number)[][] = [];
  const lhData: { page: string; runs: LighthouseScores[] }[] = [];
  const lhInstalled = existsSync(path.resolve('node_modules/lighthouse/cli/index.js'));
  if (!lhInstalled) {
    notes.push('Lighthouse is not installed (`npm i -E -D lighthouse@12.2.3`); bundle sizes only.');
  } else if (!existsSync(CHROMIUM_PATH)) {
    notes.push(
      `Chromium is missing at ${CHROMIUM_PATH} (\`apt-get install -y chromium\`); bundle sizes only.`,
    );
  } else {
    const db = await createBenchDatabase(options.adminUrl, 'p4');
    const server = await spawnServer('bench/lib/serve.ts', [
      JSON.stringify({ databaseUrl: db.url, staticDir: outDir, env: options.serverEnv }),
    ]).catch(async (err: Error) => {
      await db.drop();
      throw err;
    });
    const proxy = await startGzipProxy(server.url);
    try {
      const seeded = await seedPages(server.url);
      const pages = [
        { name: 'login (public)', path: '/login', cookie: undefined as string | undefined },
      ].concat(seeded.pages.map((p) => ({ ...p, cookie: seeded.cookie })));
      const runs = options.quick ? 1 : options.runs;
      const reportDir = path.join(options.resultsDir, 'lighthouse');
      mkdirSync(reportDir, { recursive: true });
      for (const page of options.quick ? pages.slice(0, 2) : pages) {
        const scores: LighthouseScores[] = [];
        for (let i = 0; i < runs; i++) {
          const file = path.join(reportDir, `${page.path.replace(/\W+/g, '_') || 'root'}-${i}.json`);
          try {
            scores.push(await lighthouse(proxy.url + page.path, page.cookie, file));
            const s = scores[scores.length - 1]!;
            options.log(
              `P4 Lighthouse ${page.name} run ${i + 1}: performance ${s.performance}, accessibility ${s.accessibility}`,
            );
          } catch (err) {
            const message = (err as Error).message.split('\n')[0]!;
            options.log(`P4 Lighthouse ${page.name} run ${i + 1} failed: ${message}`);
            notes.push(`Lighthouse failed on ${page.name}: ${message}`);
          }
        }
        lhData.push({ page: page.name, runs: scores });
        if (!scores.length) continue;
        const m = (k: keyof Omit<LighthouseScores, 'failedA11yAudits'>) => median(scores.map((s) => s[k]));
        const failedAudits = [...new Set(scores.flatMap((s) => s.failedA11yAudits))];
        lighthouseRows.push([
          `${page.name} \`${page.path.replace(/[0-9a-f-]{36}/, ':id')}\``,
          m('performance'),
          m('accessibility'),
          fmt(m('fcpMs'), 0),
          fmt(m('lcpMs'), 0),
          fmt(m('tbtMs'), 0),
          fmt(m('cls'), 3),
          failedAudits.join(', ') || '—',
        ]);
      }
    } finally {
      await proxy.stop();
      await server.stop();
      await db.drop();
    }
  }
  const medianOf = (k: 'performance' | 'accessibility') =>
    lhData
      .filter((p) => p.runs.length)
      .map((p) => ({ page: p.page, score: median(p.runs.map((r) => r[k])) }));
  for (const k of ['performance', 'accessibility'] as const) {
    const per = medianOf(k);
    const worst = per.length ? Math.min(...per.map((p) => p.score)) : Number.NaN;
    goals.push({
      bench: 'P4',
      goal: `Lighthouse ${k} ≥ ${GOAL_SCORE} (every page audited)`,
      measured: per.length
        ? `lowest ${worst} (${per.map((p) => `${p.page}: ${p.score}`).join('; ')})`
        : 'not run',
      met: per.length ? worst >= GOAL_SCORE : undefined,
    });
  }

  const markdown = [
    'Gzip level 6 (as most CDNs serve it) and brotli of each built asset. "Initial" = what index.html loads (entry script, modulepreloads, stylesheet); "lazy" = route chunks fetched on navigation.',
    '',
    mdTable(
      ['', 'JS raw KB', 'JS gzip KB', 'JS brotli KB', 'CSS gzip KB', 'files'],
      [
        [
          'Initial',
          kb(sum('initial', 'js', 'bytes')),
          `**${kb(sum('initial', 'js', 'gzip'))}**`,
          kb(sum('initial', 'js', 'brotli')),
          kb(sum('initial', 'css', 'gzip')),
          assets.filter((a) => a.kind === 'initial').length,
        ],
        [
          'Lazy (all routes)',
          kb(sum('lazy', 'js', 'bytes')),
          kb(sum('lazy', 'js', 'gzip')),
          kb(sum('lazy', 'js', 'brotli')),
          kb(sum('lazy', 'css', 'gzip')),
          assets.filter((a) => a.kind === 'lazy').length,
        ],
        [
          'Largest lazy chunk',
          '',
          kb(Math.max(0, ...assets.filter((a) => a.kind === 'lazy' && a.type === 'js').map((a) => a.gzip))),
          '',
          '',
          '',
        ],
      ],
    ),
    '',
    lighthouseRows.length
      ? [
          `Lighthouse 12.2.3, default mobile profile (simulated slow 4G and 4× CPU slowdown), Chromium headless, medians of ${options.quick ? 1 : options.runs} runs per page; served by the local entry behind a gzip proxy that stands in for CloudFront's compression (the app itself does not compress).`,
          '',
          mdTable(
            [
              'Page',
              'Performance',
              'Accessibility',
              'FCP ms',
              'LCP ms',
              'TBT ms',
              'CLS',
              'Failed a11y audits',
            ],
            lighthouseRows,
          ),
        ].join('\n')
      : '',
    '',
    ...notes.map((n) => `- ${n}`),
  ].join('\n');
  return {
    id: 'p4',
    title: 'P4 client',
    markdown,
    goals,
    data: { assets, lighthouse: lhData, notes },
  };
}
