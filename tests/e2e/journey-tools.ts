import type { Page } from 'playwright-core';
import { type A11yFinding, screenshot, seriousViolations } from './browser';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 780 };

/**
 * What the journey's steps share: an axe audit that collects findings, screenshots at both widths,
 * a step that keeps a screenshot when it fails, and waits for a heading or a refused sign-in.
 * `page` is read on each call, as the journey's hooks open it.
 */
export function journeyTools(page: () => Page, findings: A11yFinding[]) {
  const audit = async (name: string) => {
    findings.push(...(await seriousViolations(page(), name)));
  };
  /** Full-page screenshots at desktop and phone width, audited at both. */
  const shoot = async (name: string, reload = false) => {
    await screenshot(page(), `${name}-desktop`);
    await page().setViewportSize(PHONE);
    // A fresh load lays the page out as a phone would (the domain list starts folded).
    if (reload) await page().reload({ waitUntil: 'networkidle' });
    await screenshot(page(), `${name}-360`);
    expect(await page().evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await audit(`${name} at 360 px`);
    await page().setViewportSize(DESKTOP);
    if (reload) await page().reload({ waitUntil: 'networkidle' });
  };
  let failures = 0;
  /** A journey step: on failure, keep a screenshot of what the browser showed. */
  const step = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      try {
        await fn();
      } catch (error) {
        failures += 1;
        await screenshot(page(), `failure-${failures}`).catch(() => undefined);
        throw error;
      }
    });
  async function expectHeading(text: string) {
    await page().locator('h1', { hasText: text }).first().waitFor();
    expect(await page().locator('h1').first().textContent()).toContain(text);
  }
  /** Signs in on the open sign-in form with `password` and waits for the refusal. */
  async function expectSignInRefused(password: string) {
    await page().getByLabel('Password').fill(password);
    await page().getByRole('button', { name: 'Sign in' }).click();
    await page().getByText('The email or password is not right').waitFor();
  }
  return { audit, shoot, step, expectHeading, expectSignInRefused };
}
