import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startLocal } from '../../container/local';
import {
  type A11yFinding,
  type ExpectedFailure,
  ensureClientBuilt,
  launchChromium,
  screenshot,
  seriousViolations,
  watchConsole,
} from './browser';
import { docx, pdf, xlsx } from './fixtures';
import {
  answerDomain,
  answeredSnapshot,
  expectCount,
  survivesOutageAndConflict,
  waitSaved,
} from './journey-helpers';

jest.setTimeout(180_000);

describe('ScaleMap in a real browser: register → questionnaire → documents → submit → radar', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];
  let dataDir: string;
  const findings: A11yFinding[] = [];
  // Only failures the journey provokes on purpose; more are added before the outage/conflict step.
  const expectedFailures: ExpectedFailure[] = [{ status: 401, path: '/api/auth/login' }];
  const email = `founder-${Date.now()}@example.com`;
  const password = 'Scale-Ready-2026';
  let assessmentUrl = '';

  const audit = async (name: string) => {
    findings.push(...(await seriousViolations(page, name)));
  };
  const heading = () => page.locator('h1').first();
  let failures = 0;
  /** A journey step: on failure, keep a screenshot of what the browser showed. */
  const step = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      try {
        await fn();
      } catch (error) {
        failures += 1;
        await screenshot(page, `failure-${failures}`).catch(() => undefined);
        throw error;
      }
    });

  beforeAll(async () => {
    // E2E_STATIC_DIR serves another build, e.g. a development one whose React warnings count as errors.
    const staticDir = process.env.E2E_STATIC_DIR ?? ensureClientBuilt();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-e2e-'));
    local = await startLocal({ port: 0, dataDir, staticDir, quiet: true });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    consoleErrors = watchConsole(page, expectedFailures);
  });

  afterAll(async () => {
    await browser?.close();
    await local?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  step('when a visitor opens the app, then they are sent to sign in', async () => {
    await page.goto(local.url);
    await page.waitForURL(/\/login$/);
    await expectHeading('Sign in');
    await audit('login');
    // Keyboard users first meet the skip link, which lands them in the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent),
    ).toBe('Email address');
  });

  step('when they register, then they are signed straight in to an empty dashboard', async () => {
    await page.getByRole('link', { name: 'Create an account' }).click();
    await expectHeading('Create your account');
    // Client-side validation first: errors next to fields and in a focused summary.
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await audit('register with errors');
    await screenshot(page, 'register-errors');
    await page.getByLabel('Work email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Company name').fill('Acme Robotics');
    await page.getByLabel('Industry').selectOption('Manufacturing');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectHeading('Your assessments');
    await page.getByText('No assessments yet').waitFor();
    await audit('dashboard empty');
  });

  step('when they sign out and log in again, then the session cookie brings them back', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectHeading('Sign in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('wrong-password-123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email or password is not right').waitFor();
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectHeading('Your assessments');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'scalemap_session')?.httpOnly).toBe(true);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toMatch(/token|eyJ/i);
  });

  step('when they answer all 12 domains, reloading half-way, then every answer is kept', async () => {
    await page.getByRole('button', { name: 'Start a new assessment' }).click();
    await page.waitForURL(/\/assessments\/[^/]+\/domains\/[^/]+$/);
    assessmentUrl = page.url().replace(/\/domains\/.*$/, '');
    // Required answers are enforced before moving on.
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('alert').filter({ hasText: 'required' }).first().waitFor();
    await audit('questionnaire with missing answers');
    await page.setViewportSize({ width: 360, height: 780 });
    await screenshot(page, 'questionnaire-errors-360');
    await page.setViewportSize({ width: 1280, height: 900 });

    const domainNames = await page.locator('.domain-link__name').allTextContents();
    const domainCount = domainNames.length;
    expect(domainCount).toBe(12);
    for (let d = 0; d < domainCount; d += 1) {
      await expectHeading(domainNames[d]!);
      await answerDomain(page, d);
      if (d === 0) {
        await screenshot(page, 'questionnaire-desktop');
        await audit('questionnaire');
      }
      if (d === 1) {
        await survivesOutageAndConflict(page, local.url, assessmentUrl.split('/').pop()!, expectedFailures);
        await answerDomain(page, d);
      }
      if (d === 5) {
        await waitSaved(page);
        const before = await answeredSnapshot(page);
        await page.reload();
        await page.locator('.domain-form').waitFor();
        expect(await answeredSnapshot(page)).toEqual(before);
        // Leaving for the dashboard and resuming lands on the same step.
        const stepUrl = page.url();
        await page.getByRole('link', { name: 'Assessments' }).click();
        await expectHeading('Your assessments');
        await page.getByText('In progress').waitFor();
        await audit('dashboard with a draft');
        await page.getByRole('link', { name: /^Resume/ }).click();
        await page.waitForURL(stepUrl);
        await expectHeading(domainNames[d]!);
        expect(await answeredSnapshot(page)).toEqual(before);
        await page.setViewportSize({ width: 360, height: 780 });
        await screenshot(page, 'questionnaire-360');
        expect(await page.getByTestId('save-status-mobile').isVisible()).toBe(true);
        expect(await page.getByTestId('save-status').isVisible()).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      const next = d === domainCount - 1 ? 'Continue to documents' : 'Save and continue';
      const url = page.url();
      await page.getByRole('button', { name: next }).click();
      await page.waitForURL((u) => u.toString() !== url);
    }
    await waitSaved(page);
    await expectCount(page.locator('.domain-link__mark--done'), 12);
  });

  step(
    'when they upload a PDF, a DOCX and an XLSX, then each progress bar reaches 100% and the files are listed',
    async () => {
      await expectHeading('Supporting documents');
      await page.locator('input[type=file]').setInputFiles([
        { name: 'board-pack.pdf', mimeType: 'application/pdf', buffer: pdf('Acme board pack Q3') },
        {
          name: 'org-chart.docx',
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          buffer: docx('Acme organisation chart'),
        },
        {
          name: 'financials.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: xlsx([
            ['Month', 'Revenue'],
            ['Jan', 120000],
            ['Feb', 131000],
          ]),
        },
        { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not allowed') },
      ]);
      await page
        .locator('.upload .field__error', { hasText: 'notes.txt is not a supported file type' })
        .waitFor();
      const items = page.locator('[data-testid=upload-item]');
      await expectCount(items, 4);
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-testid=upload-item] progress')].length === 3 &&
          [...document.querySelectorAll('[data-testid=upload-item] progress')].every(
            (p) => (p as HTMLProgressElement).value === 100,
          ) &&
          document.querySelectorAll('.upload--done').length === 3,
      );
      for (const name of ['board-pack.pdf', 'org-chart.docx', 'financials.xlsx']) {
        await page.getByRole('rowheader', { name }).waitFor();
      }
      await page.getByRole('heading', { name: 'Attached (3 of 20)' }).waitFor();
      await screenshot(page, 'documents');
      await audit('documents');

      // Download goes through a short-lived presigned URL.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download board-pack.pdf' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('board-pack.pdf');

      // Delete asks first, in a modal dialog, then the row goes.
      await page.locator('input[type=file]').setInputFiles({
        name: 'extra.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('month,revenue\njan,1\n'),
      });
      await page.getByRole('heading', { name: 'Attached (4 of 20)' }).waitFor();
      await page.getByRole('button', { name: 'Delete extra.csv' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete this document?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Delete document' }).click();
      await page.getByRole('heading', { name: 'Attached (3 of 20)' }).waitFor();
      expect(await page.getByRole('rowheader', { name: 'extra.csv' }).count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Attached (3 of 20)');
    },
  );

  step('when they review and confirm the submit, then the radar of 12 domain scores appears', async () => {
    await page.getByRole('link', { name: 'Continue to review' }).click();
    await expectHeading('Review and submit');
    await page.getByText('Every required question is answered').waitFor();
    await audit('review');
    await screenshot(page, 'review');
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Submit this assessment?' });
    await dialog.waitFor();
    await audit('submit dialog');
    await dialog.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.waitForURL(/\/results$/);
    await expectHeading('Your scale-readiness results');
    const chart = page.getByRole('img', { name: /Scale-readiness score by domain/ });
    await chart.waitFor();
    await expectCount(page.locator('.radar__point'), 12);
    await expectCount(page.locator('.scores-table tbody tr'), 12);
    expect(await page.locator('.priority-callout li').count()).toBeGreaterThan(0);
    await screenshot(page, 'results-desktop');
    await audit('results');
    await page.setViewportSize({ width: 360, height: 780 });
    await screenshot(page, 'results-360');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Roughly an A4 page's CSS width.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'results-print');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  step(
    'when they come back to the dashboard, then the assessment shows as submitted with its results',
    async () => {
      await page.getByRole('link', { name: 'Assessments' }).click();
      await expectHeading('Your assessments');
      await page.getByText('Submitted', { exact: true }).first().waitFor();
      await audit('dashboard');
      await screenshot(page, 'dashboard');
      await page.goto(`${assessmentUrl}/domains/strategy`);
      await page.getByText('This assessment has been submitted').waitFor();
    },
  );

  step('when a page does not exist, then a 404 page says so', async () => {
    await page.goto(`${local.url}/no/such/page`);
    await expectHeading('Page not found');
    await audit('not found');
  });

  it('then axe found no serious or critical violations and the console stayed clean', () => {
    expect(findings).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  async function expectHeading(text: string) {
    await page.locator('h1', { hasText: text }).first().waitFor();
    expect(await heading().textContent()).toContain(text);
  }
});
