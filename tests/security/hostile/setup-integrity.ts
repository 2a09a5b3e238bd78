import type { TestApp } from '../../support/app';
import { ApiClient, PASSWORD, registerAndLogin } from '../../support/client';
import { DOCX, impostors, PDF, zipBytes } from '../../support/files';
import type { Context, ImpostorSlot, User } from './catalogue';

/** The draft cap the catalogue's app runs with. */
export const DRAFT_CAP = 5;

const cookieOf = (client: ApiClient) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

/** A fresh login of `email`, holding its own cookie and access token. */
async function login(url: string, email: string) {
  const client = new ApiClient(url);
  const res = await client.post<{ accessToken: string }>('/api/auth/login', { email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`setup: login got ${res.status}`);
  return { client, accessToken: res.body.accessToken };
}

/** What the integrity cases (issue 13) need: a capped user, signed-out logins, impostor uploads. */
export async function setupIntegrity(
  app: TestApp,
  a: User,
  aDraft: string,
): Promise<Pick<Context, 'cappedCookie' | 'signedOutByCookie' | 'signedOutByBearer' | 'impostorSlots'>> {
  const capped = await registerAndLogin(app.url, 'capped');
  for (let i = 0; i < DRAFT_CAP; i++) {
    const res = await capped.client.post('/api/assessments', {});
    if (res.status !== 201) throw new Error(`setup: draft ${i} got ${res.status}`);
  }

  const byCookie = await login(app.url, a.email);
  const cookie = cookieOf(byCookie.client);
  if ((await byCookie.client.post('/api/auth/logout')).status !== 204) throw new Error('setup: logout');
  const byBearer = await login(app.url, a.email);
  const out = await fetch(`${app.url}/api/auth/logout`, {
    method: 'POST',
    headers: { authorization: `Bearer ${byBearer.accessToken}` },
  });
  if (out.status !== 204) throw new Error(`setup: Bearer logout got ${out.status}`);

  const slots: [string, string, string, Uint8Array<ArrayBuffer>][] = [
    ['executable as PDF', 'setup.pdf', PDF, impostors.executable()],
    ['plain ZIP as DOCX', 'notes.docx', DOCX, impostors.plainZip()],
    ['workbook as DOCX', 'budget.docx', DOCX, zipBytes('xlsx')],
    ['JPEG as PNG', 'logo.png', 'image/png', impostors.jpeg()],
    ['CSV with NUL bytes', 'data.csv', 'text/csv', impostors.csvWithNul()],
  ];
  const impostorSlots: Record<string, ImpostorSlot> = {};
  for (const [name, fileName, contentType, bytes] of slots) {
    const res = await a.client.post<{
      document: { id: string };
      upload: ImpostorSlot['upload'];
    }>(`/api/assessments/${aDraft}/documents`, { fileName, contentType, sizeBytes: bytes.length });
    if (res.status !== 201) throw new Error(`setup: slot ${name} got ${res.status}`);
    const { document, upload } = res.body;
    impostorSlots[name] = { docId: document.id, key: upload.fields.key!, contentType, bytes, upload };
  }
  return {
    cappedCookie: cookieOf(capped.client),
    signedOutByCookie: { accessToken: byCookie.accessToken, cookie },
    signedOutByBearer: byBearer.accessToken,
    impostorSlots,
  };
}
