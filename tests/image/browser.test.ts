/**
 * A browser pointed at `npm run rehearse -- --target lambda` completes the journey: the client
 * CloudFront would serve, the API from the image behind the API Gateway front, uploads straight to
 * the S3 stand-in through the presigned POST.
 */
import type { Browser, Page } from 'playwright-core';
import type { Rehearsal } from '../../container/rehearse/rehearsal';
import { type ExpectedFailure, launchChromium, screenshot, watchConsole } from '../e2e/browser';
import { uploadDocuments } from '../e2e/document-steps';
import { answerDomain, expectCount, waitSaved } from '../e2e/journey-helpers';
import { rehearse } from './support/rehearsal';

jest.setTimeout(240_000);

let rehearsal: Rehearsal;
let browser: Browser;
let page: Page;
let consoleErrors: string[];
const expected: ExpectedFailure[] = [];

beforeAll(async () => {
  ({ rehearsal } = await rehearse('lambda'));
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  consoleErrors = watchConsole(page, expected);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await rehearsal?.stop();
});

const heading = (text: string) => page.locator('h1', { hasText: text }).first().waitFor();

describe('A browser on the Lambda rehearsal', () => {
  it('when a visitor signs up, answers all 12 domains, uploads three files and submits, then results show 12 scores', async () => {
    try {
      await journey();
    } catch (error) {
      // What the browser showed, and what it logged, next to the failure.
      await screenshot(page, 'image-lambda-failure').catch(() => undefined);
      throw new Error(`${(error as Error).message}\nconsole: ${JSON.stringify(consoleErrors)}`);
    }
    expect(consoleErrors).toEqual([]);
  });
});

async function journey(): Promise<void> {
  await page.goto(rehearsal.url);
  await page.getByRole('link', { name: 'Start your assessment' }).click();
  await heading('Create your account');
  await page.getByLabel('Work email address').fill(`browser-${Date.now()}@example.com`);
  await page.getByLabel('Password', { exact: true }).fill('Scale-Ready-2026');
  await page.getByLabel('Company name').fill('Rehearsal Robotics');
  await page.getByLabel('Industry').selectOption('Manufacturing');
  await page.getByRole('button', { name: 'Create account' }).click();
  await heading('Your assessments');

  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await page.waitForURL(/\/assessments\/[^/]+\/domains\/[^/]+$/);
  for (let d = 0; d < 12; d += 1) {
    // The step is rendered (not its skeleton) before its questions are answered.
    await page
      .getByText(`Domain ${d + 1} of 12`, { exact: false })
      .first()
      .waitFor();
    await page.locator('.domain-form .question').first().waitFor();
    await answerDomain(page, d);
    const next = d === 11 ? 'Continue to documents' : 'Save and continue';
    const url = page.url();
    await page.getByRole('button', { name: next }).click();
    await page.waitForURL((u) => u.toString() !== url);
  }
  await waitSaved(page);

  await heading('Supporting documents');
  await uploadDocuments(page);

  await page.getByRole('link', { name: 'Continue to review' }).click();
  await heading('Review and submit');
  await page.getByRole('button', { name: 'Submit assessment' }).click();
  await page
    .getByRole('dialog', { name: 'Submit this assessment?' })
    .getByRole('button', { name: 'Submit', exact: true })
    .click();
  await page.waitForURL(/\/results$/);
  await heading('Your scale-readiness results');
  await expectCount(page.locator('.radar__point'), 12);
  await expectCount(page.locator('.scores-table tbody tr'), 12);
}
