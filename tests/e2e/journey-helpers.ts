import type { Locator, Page } from 'playwright-core';
import type { ExpectedFailure } from './browser';
import { dotBesideText, firstQuestionTop } from './layout-checks';

/** Steps the journey repeats: answering a domain, reading the answers back, waiting for saves. */

/** Answers every question on the current domain step, varying answers so scores differ by domain. */
export async function answerDomain(page: Page, domainIndex: number) {
  const questions = page.locator('.domain-form .question');
  const n = await questions.count();
  for (let q = 0; q < n; q += 1) {
    const question = questions.nth(q);
    const radios = question.getByRole('radio');
    const options = await radios.count();
    if (options > 0) {
      await radios.nth((domainIndex * 2 + q) % options).check();
      continue;
    }
    const textarea = question.locator('textarea');
    if (await textarea.count()) {
      await textarea.fill('Hiring senior people fast enough, and keeping them.');
      continue;
    }
    const input = question.locator('input[type=number]');
    const min = Number((await input.getAttribute('min')) ?? 0);
    const max = Number((await input.getAttribute('max')) ?? min + 100);
    await input.fill(String(Math.round(min + (max - min) / 3)));
  }
}

export async function answeredSnapshot(page: Page) {
  return page.evaluate(() => ({
    checked: [...document.querySelectorAll('.domain-form fieldset')].map(
      (f) => f.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value ?? null,
    ),
    text: [...document.querySelectorAll<HTMLTextAreaElement>('.domain-form textarea')].map((t) => t.value),
    numbers: [...document.querySelectorAll<HTMLInputElement>('.domain-form input[type=number]')].map(
      (i) => i.value,
    ),
  }));
}

export async function waitSaved(page: Page) {
  await page.locator('[data-testid=save-status][data-status=saved]').waitFor({ timeout: 15_000 });
}

/** Playwright-core has no web-first assertions; poll a locator's count. */
export async function expectCount(locator: Locator, n: number) {
  const deadline = Date.now() + 15_000;
  let count = await locator.count();
  while (count !== n && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    count = await locator.count();
  }
  expect(count).toBe(n);
}

/**
 * A flaky network (503 then a dropped connection) and a stale version (another tab saved meanwhile):
 * the status says so, retries, and every answer ends up on the server.
 */
export async function survivesOutageAndConflict(
  page: Page,
  baseUrl: string,
  id: string,
  expectedFailures: ExpectedFailure[],
) {
  await waitSaved(page);
  const responsesPath = `/api/assessments/${id}/responses`;
  expectedFailures.push(
    { status: 503, path: responsesPath },
    { status: 'network', path: responsesPath },
    { status: 409, path: responsesPath },
  );
  let failures = 0;
  await page.route(`**${responsesPath}`, async (route) => {
    failures += 1;
    if (failures === 1) {
      await route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ title: 'Service Unavailable', status: 503, correlationId: 'e2e' }),
      });
    } else if (failures === 2) await route.abort('failed');
    else await route.continue();
  });
  // Another tab saves an answer first, so the page's version is now stale.
  const api = page.request;
  const current = (await (await api.get(`${baseUrl}/api/assessments/${id}`)).json()) as {
    version: number;
  };
  const other = await api.put(`${baseUrl}${responsesPath}`, {
    headers: { 'if-match': String(current.version), origin: baseUrl },
    data: { responses: { 'strategy-biggest-obstacle': 'Written in another tab' } },
  });
  expect(other.status()).toBe(200);

  const question = page.locator('.domain-form .question').first();
  await question.getByRole('radio').last().check();
  await page.locator('[data-testid=save-status][data-status=retrying]').waitFor();
  expect(await page.getByTestId('save-status').textContent()).toMatch(/Not saved yet/);
  // The long retry message must not push the status dot onto a line of its own.
  expect(await dotBesideText(page)).toBe(true);
  await page.getByRole('button', { name: 'Retry now' }).click();
  await page.locator('[data-testid=save-status][data-status=retrying]').waitFor();
  await page.getByRole('button', { name: 'Retry now' }).click();
  await waitSaved(page);
  await page.unroute(`**${responsesPath}`);
  const after = (await (await api.get(`${baseUrl}/api/assessments/${id}`)).json()) as {
    responses: Record<string, unknown>;
  };
  expect(after.responses['strategy-biggest-obstacle']).toBe('Written in another tab');
  expect(await question.getByRole('radio').last().isChecked()).toBe(true);
}

type Size = { width: number; height: number };

/**
 * Reload keeps every answer; leaving for the dashboard and resuming lands on the same step; and on a
 * phone a fresh load shows the first question on the first screen, under a compact header.
 */
export async function keepsAnswersAcrossReloadAndResume(page: Page, phone: Size, desktop: Size) {
  await waitSaved(page);
  const before = await answeredSnapshot(page);
  await page.reload();
  await page.locator('.domain-form').waitFor();
  expect(await answeredSnapshot(page)).toEqual(before);
  const stepUrl = page.url();
  await page.getByRole('link', { name: 'Assessments' }).click();
  await page.locator('h1', { hasText: 'Your assessments' }).waitFor();
  await page.getByText('In progress').waitFor();
  await page.getByRole('link', { name: /^Resume/ }).click();
  await page.waitForURL(stepUrl);
  await page.locator('.domain-form').waitFor();
  expect(await answeredSnapshot(page)).toEqual(before);
  // On a phone, a fresh load shows the question on the first screen, under a compact header.
  await page.setViewportSize(phone);
  await page.reload();
  await page.locator('.domain-form').waitFor();
  const q = await firstQuestionTop(page);
  expect(q.top + 40).toBeLessThan(q.viewport);
  expect(await page.getByTestId('save-status-mobile').isVisible()).toBe(true);
  await page.setViewportSize(desktop);
}
