import type { Page } from 'playwright-core';
import { docx, pdf, xlsx } from './fixtures';
import { expectCount } from './journey-helpers';

/** The documents step: three uploads with progress, a refused type, a refused duplicate, download, delete. */
export async function uploadDocuments(page: Page) {
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
  for (const name of ['board-pack.pdf', 'org-chart.docx', 'financials.xlsx']) {
    await page.getByRole('rowheader', { name }).waitFor();
  }
  await page.getByRole('heading', { name: 'Attached (3 of 20)' }).waitFor();
  // Finished uploads leave the upload list (the table has them); only the refused file stays there.
  await expectCount(page.locator('[data-testid=upload-item]'), 1);
  await page.getByRole('button', { name: 'Dismiss notes.txt' }).click();

  // The same file again is refused with a reason instead of a second copy.
  await page.locator('input[type=file]').setInputFiles({
    name: 'board-pack.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('Acme board pack Q3'),
  });
  await page.getByText('board-pack.pdf is already attached.', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Dismiss board-pack.pdf' }).click();
  expect(await page.getByRole('rowheader', { name: 'board-pack.pdf' }).count()).toBe(1);
}

/** Download through a presigned URL, then delete a fourth file after confirming in a dialog. */
export async function downloadAndDelete(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download board-pack.pdf' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('board-pack.pdf');
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
}
