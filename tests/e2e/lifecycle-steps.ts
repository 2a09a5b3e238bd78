import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** The journey's account-lifecycle and second-assessment steps, kept apart from the questionnaire steps. */

type Questionnaire = {
  domains: {
    id: string;
    questions: { id: string; type: string; options?: unknown[]; min?: number | null }[];
  }[];
};

/**
 * Creates, fills and submits an assessment through the API (the UI path is covered once already),
 * with answers shifted by `shift` so scores differ from the first one. Returns its id.
 */
export async function submitViaApi(page: Page, baseUrl: string, shift: number): Promise<string> {
  const api = page.request;
  const headers = { origin: baseUrl };
  const q = (await (await api.get(`${baseUrl}/api/questionnaire`)).json()) as Questionnaire;
  const created = await api.post(`${baseUrl}/api/assessments`, { headers, data: { name: 'Q1 follow-up' } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const responses: Record<string, unknown> = {};
  q.domains.forEach((d, di) => {
    d.questions.forEach((question, qi) => {
      const k = di + qi + shift;
      if (question.type === 'scale') responses[question.id] = (k % 5) + 1;
      else if (question.type === 'choice') {
        const options = question.options ?? [];
        const o = options[k % options.length];
        responses[question.id] = typeof o === 'object' && o !== null ? (o as { value: unknown }).value : o;
      } else if (question.type === 'number') responses[question.id] = question.min ?? 1;
      else responses[question.id] = 'Keeping senior hires.';
    });
  });
  const saved = await api.put(`${baseUrl}/api/assessments/${id}/responses`, { headers, data: { responses } });
  expect(saved.status()).toBe(200);
  const submitted = await api.post(`${baseUrl}/api/assessments/${id}/submit`, { headers });
  expect(submitted.status()).toBe(200);
  return id;
}

/** Forgot password → code (read from the Cognito stand-in) → new password → sign in with it. */
export async function resetPassword(
  page: Page,
  email: string,
  code: () => string | undefined,
  next: string,
  onForm: () => Promise<void> = async () => undefined,
) {
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.locator('h1', { hasText: 'Reset your password' }).waitFor();
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send reset code' }).click();
  await page.locator('h1', { hasText: 'Set a new password' }).waitFor();
  await onForm();
  const deadline = Date.now() + 5000;
  let sent = code();
  while (!sent && Date.now() < deadline) {
    await page.waitForTimeout(100);
    sent = code();
  }
  expect(sent).toMatch(/^\d{6}$/);
  await page.getByLabel('Reset code').fill(sent ?? '');
  await page.getByLabel('New password').fill(next);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await page.getByText('Your password has been changed. Sign in with the new one.').waitFor();
  expect(await page.getByLabel('Email address').inputValue()).toBe(email);
}

/** Downloads the JSON export from the account page and returns it parsed. */
export async function downloadExport(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my data (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^scalemap-export-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  return JSON.parse(readFileSync(file, 'utf8')) as {
    user: { email: string };
    assessments: { id: string; name: string; status: string; responses: Record<string, unknown> }[];
  };
}

/** Renames the dashboard's only assessment through its dialog. */
export async function renameOnly(page: Page, name: string) {
  await page.getByRole('button', { name: /^Rename / }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename assessment' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('link', { name, exact: true }).waitFor();
}

/** Starts a draft, goes back to the dashboard and deletes it after the confirmation dialog. */
export async function startAndDeleteDraft(page: Page, onDialog: () => Promise<void>) {
  await page.getByRole('link', { name: 'Assessments' }).click();
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await page.waitForURL(/\/domains\//);
  await page.getByRole('link', { name: 'Assessments' }).click();
  await page.getByRole('button', { name: /^Delete / }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this draft?' });
  await dialog.waitFor();
  await onDialog();
  await dialog.getByRole('button', { name: 'Delete draft' }).click();
}
