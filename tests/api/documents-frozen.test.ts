import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { documents } from '../../functions/api/platform/db/tables';
import { startTestApp, type TestApp } from '../support/app';
import { allAnswers, registerAndLogin, uploadViaPresignedPost } from '../support/client';
import { impostors, PDF, pdfBytes } from '../support/files';
import { startVersionedS3, type VersionedS3 } from '../support/versioned-s3';

/**
 * Frozen evidence, end to end against a store that keeps object versions (s3rver keeps none): what
 * was checked at complete is what every later download returns, whatever is sent to the slot after.
 */
let s3: VersionedS3;
let app: TestApp;
let user: Awaited<ReturnType<typeof registerAndLogin>>;

interface Slot {
  document: { id: string; sizeBytes: number };
  upload: { url: string; fields: Record<string, string> };
}

beforeAll(async () => {
  s3 = await startVersionedS3();
  app = await startTestApp({ env: { S3_ENDPOINT: s3.endpoint, DOCUMENTS_BUCKET: s3.bucket } });
  user = await registerAndLogin(app.url, 'frozen');
});
afterAll(async () => {
  await app?.stop();
  await s3?.stop();
});

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const row = async (id: string) =>
  (await app.deps.db.db.select().from(documents).where(eq(documents.id, id)))[0]!;

async function slot(assessmentId: string, bytes: Uint8Array, fileName = 'board-pack.pdf'): Promise<Slot> {
  const res = await user.client.post<Slot>(`/api/assessments/${assessmentId}/documents`, {
    fileName,
    contentType: PDF,
    sizeBytes: bytes.length,
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function download(assessmentId: string, docId: string) {
  const res = await user.client.get<{ url: string }>(
    `/api/assessments/${assessmentId}/documents/${docId}/download`,
  );
  expect(res.status).toBe(200);
  const file = await fetch(res.body.url);
  return { url: new URL(res.body.url), bytes: new Uint8Array(await file.arrayBuffer()) };
}

describe('POST /api/assessments/:id/documents/:docId/complete on a versioned store', () => {
  it('when the slot is re-sent with other bytes after complete and after submit, then downloads still return the checked version', async () => {
    const id = (await user.client.post<{ id: string }>('/api/assessments', {})).body.id;
    const original = pdfBytes();
    const s = await slot(id, original);
    expect(await uploadViaPresignedPost(s.upload, original, PDF)).toBeLessThan(300);
    expect(
      (await user.client.post(`/api/assessments/${id}/documents/${s.document.id}/complete`)).status,
    ).toBe(200);
    const key = s.upload.fields.key!;
    const [checked] = s3.versions(key);
    expect(await row(s.document.id)).toMatchObject({
      status: 'uploaded',
      versionId: checked!.versionId,
      sha256: sha256(original),
    });

    // Same length, other bytes: the old form is still within its 300 s.
    const forged = new TextEncoder().encode(new TextDecoder().decode(original).replace('Catalog', 'Xatalog'));
    expect(forged.length).toBe(original.length);
    expect(await uploadViaPresignedPost(s.upload, forged, PDF)).toBeLessThan(300);
    expect(s3.versions(key)).toHaveLength(2);
    let got = await download(id, s.document.id);
    expect(got.url.searchParams.get('versionId')).toBe(checked!.versionId);
    expect(got.bytes).toEqual(original);

    await user.client.put(`/api/assessments/${id}/responses`, { responses: allAnswers() });
    expect((await user.client.post(`/api/assessments/${id}/submit`)).status).toBe(200);
    expect(await uploadViaPresignedPost(s.upload, forged, PDF)).toBeLessThan(300);
    got = await download(id, s.document.id);
    expect(got.bytes).toEqual(original);
    const detail = await user.client.get<{ documents: { sizeBytes: number; status: string }[] }>(
      `/api/assessments/${id}`,
    );
    expect(detail.body.documents).toEqual([
      expect.objectContaining({ sizeBytes: original.length, status: 'uploaded' }),
    ]);
  });

  it('when the bytes are not the declared type, then 422, the version is deleted and the slot stays pending', async () => {
    const id = (await user.client.post<{ id: string }>('/api/assessments', {})).body.id;
    const bytes = impostors.executable();
    const s = await slot(id, bytes, 'setup.pdf');
    expect(await uploadViaPresignedPost(s.upload, bytes, PDF)).toBeLessThan(300);
    const res = await user.client.post<{ detail: string }>(
      `/api/assessments/${id}/documents/${s.document.id}/complete`,
    );
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toMatch(/not a PDF/);
    expect(s3.versions(s.upload.fields.key!).filter((v) => v.bytes)).toEqual([]);
    expect(await row(s.document.id)).toMatchObject({ status: 'pending', versionId: null, sha256: null });
  });

  it('when a completed document is deleted, then its recorded version is gone for good', async () => {
    const id = (await user.client.post<{ id: string }>('/api/assessments', {})).body.id;
    const s = await slot(id, pdfBytes());
    await uploadViaPresignedPost(s.upload, pdfBytes(), PDF);
    await user.client.post(`/api/assessments/${id}/documents/${s.document.id}/complete`);
    const recorded = (await row(s.document.id)).versionId;
    expect((await user.client.delete(`/api/assessments/${id}/documents/${s.document.id}`)).status).toBe(204);
    const left = s3.versions(s.upload.fields.key!);
    expect(left.map((v) => v.versionId)).not.toContain(recorded);
    expect(left.filter((v) => v.bytes)).toEqual([]);
  });
});
