import { z } from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { useMutation } from '../../../lib/use-query';

/** Only the envelope is checked: the file is handed to the user as the server wrote it. */
export const AccountExportSchema = z.looseObject({
  exportedAt: z.string(),
  user: z.looseObject({ id: z.string(), email: z.string() }),
  assessments: z.array(z.looseObject({ id: z.string() })),
});
export type AccountExport = z.infer<typeof AccountExportSchema>;

/** GET /api/account/export: everything ScaleMap holds about the user, as JSON. */
export function exportAccount(signal?: AbortSignal): Promise<AccountExport> {
  return apiRequest('GET', '/account/export', AccountExportSchema, { signal });
}

/** The file name the server suggests (`scalemap-export-YYYY-MM-DD.json`), for the download link. */
export function exportFileName(exportedAt: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(exportedAt)?.[0] ?? new Date().toISOString().slice(0, 10);
  return `scalemap-export-${day}.json`;
}

export function useExportAccount() {
  return useMutation(exportAccount);
}
