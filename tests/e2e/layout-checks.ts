import type { Page } from 'playwright-core';

/** Measurements the defects were about, taken in the real browser (jsdom has no layout). */

/** The smallest on-screen font size, in CSS px, of any text in the radar (font size × SVG scale). */
export function smallestRadarText(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.min(
      ...[...document.querySelectorAll<SVGTextElement>('.radar text')].map(
        (t) => (t.getScreenCTM()?.a ?? 0) * Number.parseFloat(getComputedStyle(t).fontSize),
      ),
    ),
  );
}

/** Rendered widths of the score bars in the scores table, with the scores they stand for. */
export function barWidths(page: Page): Promise<{ score: number; width: number }[]> {
  return page
    .evaluate(() =>
      [...document.querySelectorAll('.scores-table tbody tr')].map((row) => ({
        score: Number(row.querySelector('.score-cell__value')?.textContent),
        width: row.querySelector('.score-bar__fill')?.getBoundingClientRect().width ?? 0,
        track: row.querySelector('.score-bar__track')?.getBoundingClientRect().width ?? 0,
      })),
    )
    .then((rows) => rows.map((r) => ({ score: r.score, width: (r.width / Math.max(r.track, 1)) * 100 })));
}

/** The domain list: does it scroll inside its own box, and is every link inside the viewport? */
export function domainListFit(page: Page) {
  return page.evaluate(() => {
    const nav = document.querySelector('nav[aria-label=Domains]') as HTMLElement;
    const links = [...nav.querySelectorAll('.domain-link')].map((l) => l.getBoundingClientRect());
    return {
      innerScroll: nav.scrollHeight > nav.clientHeight + 1,
      links: links.length,
      allVisible: links.every((r) => r.top >= 0 && r.bottom <= window.innerHeight),
    };
  });
}

/** Top of the first question relative to the viewport, on a fresh load of the current step. */
export async function firstQuestionTop(page: Page): Promise<{ top: number; viewport: number }> {
  const box = await page.locator('.domain-form .question').first().boundingBox();
  const viewport = page.viewportSize()?.height ?? 0;
  const bar = await page.locator('.mobile-save-bar').boundingBox();
  // The pinned save bar covers the bottom edge on phones.
  return { top: box?.y ?? Number.POSITIVE_INFINITY, viewport: bar ? Math.min(viewport, bar.y) : viewport };
}

/** While retrying, the status dot must sit beside the first line of its text, not on a line of its own. */
export function dotBesideText(page: Page, testId = 'save-status'): Promise<boolean> {
  return page.evaluate((id) => {
    const status = document.querySelector(`[data-testid=${id}]`);
    const dot = status?.querySelector('.save-status__dot')?.getBoundingClientRect();
    const text = status?.querySelector('span:nth-child(2)');
    if (!dot || !text) return false;
    const firstLine = text.getClientRects()[0];
    if (!firstLine) return false;
    const middle = dot.top + dot.height / 2;
    return middle > firstLine.top && middle < firstLine.bottom && dot.right <= firstLine.left;
  }, testId);
}
