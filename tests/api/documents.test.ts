import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { MAX_DOCUMENT_BYTES } from '../../functions/api/contract/documents';
import { documents } from '../../functions/api/platform/db/tables';
import { startTestApp, type TestApp } from '../support/app';
import { type ApiClient, allAnswers, registerAndLogin, uploadViaPresignedPost } from '../support/client';
import { DOCX, PDF, pdfBytes, XLSX, zipBytes } from '../support/files';
import { s3Keys, snapshot } from './support/inspect';
import { expectProblem } from './support/problem';

interface DocumentView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  status: 'pending' | 'uploaded';
  createdAt: string;
}
interface Slot {
  document: DocumentView;
  upload: { method: string; url: string; fields: Record<string, string>; expiresAt: string };
}

let app: TestApp;
let alice: Awaited<ReturnType<typeof registerAndLogin>>;
let mallory: Awaited<ReturnType<typeof registerAndLogin>>;
beforeAll(async () => {
  // Alice starts a fresh draft for nearly every case: more than the default draft cap.
  app = await startTestApp({ env: { MAX_DRAFTS_PER_USER: '100' } });
  alice = await registerAndLogin(app.url, 'alice');
  mallory = await registerAndLogin(app.url, 'mallory');
});
afterAll(async () => {
  await app?.stop();
});

async function newAssessment(client: ApiClient = alice.client): Promise<string> {
  const res = await client.post<{ id: string }>('/api/assessments', {});
  expect(res.status).toBe(201);
  return res.body.id;
}
function requestSlot(assessmentId: string, body: unknown, client: ApiClient = alice.client) {
  return client.post<Slot>(`/api/assessments/${assessmentId}/documents`, body);
}
async function slot(
  assessmentId: string,
  fileName = 'board-pack.pdf',
  contentType = PDF,
  sizeBytes = pdfBytes().length,
) {
  const res = await requestSlot(assessmentId, { fileName, contentType, sizeBytes });
  expect(res.status).toBe(201);
  return res.body;
}
/** A document announced, uploaded and completed. */
async function uploaded(assessmentId: string, bytes = pdfBytes()) {
  const s = await slot(assessmentId, 'board-pack.pdf', PDF, bytes.length);
  expect(await uploadViaPresignedPost(s.upload, bytes, PDF)).toBeLessThan(300);
  const done = await alice.client.post(
    `/api/assessments/${assessmentId}/documents/${s.document.id}/complete`,
  );
  expect(done.status).toBe(200);
  return s;
}
async function docRow(id: string) {
  const [row] = await app.deps.db.db.select().from(documents).where(eq(documents.id, id));
  return row;
}
/** Runs a request that must be rejected and checks that no row or object changed. */
async function rejected(status: number, send: () => Promise<Parameters<typeof expectProblem>[0]>) {
  const before = await snapshot(app);
  const body = expectProblem(await send(), status);
  expect(await snapshot(app)).toEqual(before);
  return body;
}

describe('POST /api/assessments/:id/documents', () => {
  it('when the file is allowed, then 201 with a pending document and a presigned POST, and nothing in S3 yet', async () => {
    const id = await newAssessment();
    const before = await s3Keys(app);
    const res = await requestSlot(id, {
      fileName: 'Org Design (v2).docx',
      contentType: DOCX,
      sizeBytes: 1234,
    });
    expect(res.status).toBe(201);
    expect(res.body.document).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      fileName: 'Org Design (v2).docx',
      contentType: DOCX,
      sizeBytes: 1234,
      status: 'pending',
      createdAt: expect.any(String),
    });
    expect(res.body.upload).toEqual({
      method: 'POST',
      url: expect.stringContaining(app.s3.endpoint),
      fields: expect.objectContaining({
        'Content-Type': DOCX,
        key: expect.stringContaining(res.body.document.id),
      }),
      expiresAt: expect.any(String),
    });
    expect(Date.parse(res.body.upload.expiresAt)).toBeGreaterThan(Date.now());
    expect(await docRow(res.body.document.id)).toMatchObject({ assessmentId: id, status: 'pending' });
    expect(await s3Keys(app)).toEqual(before);
  });

  it('when every allowed type is announced with its extension, then each is accepted', async () => {
    const id = await newAssessment();
    for (const [fileName, contentType] of [
      ['a.pdf', PDF],
      ['b.DOCX', DOCX],
      ['c.xlsx', XLSX],
      ['d.csv', 'text/csv'],
      ['e.png', 'image/png'],
      ['f.jpg', 'image/jpeg'],
      ['g.jpeg', 'image/jpeg'],
    ]) {
      expect((await requestSlot(id, { fileName, contentType, sizeBytes: 10 })).status).toBe(201);
    }
  });

  it('when the type is not allowed, then 400 and nothing changes', async () => {
    const id = await newAssessment();
    for (const [fileName, contentType] of [
      ['setup.exe', 'application/x-msdownload'],
      ['page.html', 'text/html'],
      ['archive.zip', 'application/zip'],
      ['image.svg', 'image/svg+xml'],
    ]) {
      const body = await rejected(400, () => requestSlot(id, { fileName, contentType, sizeBytes: 100 }));
      expect(body.errors?.map((e) => e.path)).toContain('contentType');
    }
  });

  it('when the size is 0, negative, fractional or over 25 MB, then 400 and nothing changes', async () => {
    const id = await newAssessment();
    for (const sizeBytes of [0, -1, 1.5, MAX_DOCUMENT_BYTES + 1, 1e12, '100']) {
      const body = await rejected(400, () =>
        requestSlot(id, { fileName: 'a.pdf', contentType: PDF, sizeBytes }),
      );
      expect(body.errors?.map((e) => e.path)).toContain('sizeBytes');
    }
    expect(
      (await requestSlot(id, { fileName: 'max.pdf', contentType: PDF, sizeBytes: MAX_DOCUMENT_BYTES }))
        .status,
    ).toBe(201);
  });

  it('when the file name has a path, NUL or control characters, then 400 and nothing changes', async () => {
    const id = await newAssessment();
    for (const fileName of [
      '../../etc/passwd.pdf',
      '..\\..\\boot.pdf',
      'reports/q3.pdf',
      '/abs.pdf',
      'nul\u0000.pdf',
      'bell\u0007.pdf',
      'line\r\nbreak.pdf',
      'del\u007f.pdf',
      'c1\u0085next-line.pdf',
      'c1\u009f.pdf',
      ' padded.pdf',
      '',
      `${'x'.repeat(250)}.pdf`,
    ]) {
      const body = await rejected(400, () => requestSlot(id, { fileName, contentType: PDF, sizeBytes: 10 }));
      expect(body.errors?.map((e) => e.path)).toContain('fileName');
    }
  });

  it('when the file name holds a lone UTF-16 surrogate, then 400 and nothing changes (it is not stored mangled)', async () => {
    const id = await newAssessment();
    const body = await rejected(400, () =>
      alice.client.request(
        'POST',
        `/api/assessments/${id}/documents`,
        '{"fileName":"broken\\ud800.pdf","contentType":"application/pdf","sizeBytes":10}',
        { 'content-type': 'application/json' },
      ),
    );
    expect(body.errors?.map((e) => e.path)).toContain('fileName');
    const ok = await requestSlot(id, { fileName: 'Relatório 🚀.pdf', contentType: PDF, sizeBytes: 10 });
    expect(ok.status).toBe(201);
    expect(ok.body.document.fileName).toBe('Relatório 🚀.pdf');
  });

  it('when the extension does not match the type, then 400 and nothing changes', async () => {
    const id = await newAssessment();
    for (const [fileName, contentType] of [
      ['report.docx', PDF],
      ['report', PDF],
      ['report.pdf.exe', PDF],
      ['sheet.csv', XLSX],
      ['photo.png', 'image/jpeg'],
    ]) {
      const body = await rejected(400, () => requestSlot(id, { fileName, contentType, sizeBytes: 10 }));
      expect(body.errors?.map((e) => e.path)).toContain('fileName');
    }
  });

  it('when the body has unknown or missing fields, then 400 and nothing changes', async () => {
    const id = await newAssessment();
    await rejected(400, () =>
      requestSlot(id, { fileName: 'a.pdf', contentType: PDF, sizeBytes: 10, s3Key: 'x' }),
    );
    await rejected(400, () => requestSlot(id, { fileName: 'a.pdf' }));
  });

  it('when the assessment already has 20 documents, then the 21st is 422 and nothing changes', async () => {
    const id = await newAssessment();
    for (let i = 0; i < 20; i++) await slot(id, `doc-${i}.pdf`);
    await rejected(422, () => requestSlot(id, { fileName: 'doc-20.pdf', contentType: PDF, sizeBytes: 10 }));
    const detail = await alice.client.get<{ documents: unknown[] }>(`/api/assessments/${id}`);
    expect(detail.body.documents).toHaveLength(20);
  });

  it("when the assessment is another user's or does not exist, then 404 and nothing changes", async () => {
    const id = await newAssessment();
    const body = { fileName: 'a.pdf', contentType: PDF, sizeBytes: 10 };
    await rejected(404, () => requestSlot(id, body, mallory.client));
    await rejected(404, () => requestSlot(randomUUID(), body));
  });
});

describe('POST /api/assessments/:id/documents/:docId/complete', () => {
  it('when the object was uploaded as announced, then 200 uploaded, and again 200 (idempotent)', async () => {
    const id = await newAssessment();
    const s = await slot(id);
    expect(await uploadViaPresignedPost(s.upload, pdfBytes(), PDF)).toBeLessThan(300);
    const url = `/api/assessments/${id}/documents/${s.document.id}/complete`;
    const done = await alice.client.post<{ document: DocumentView }>(url);
    expect(done.status).toBe(200);
    expect(done.body.document).toEqual({ ...s.document, status: 'uploaded' });
    expect((await docRow(s.document.id))!.status).toBe('uploaded');
    const again = await alice.client.post<{ document: DocumentView }>(url);
    expect(again.status).toBe(200);
    expect(again.body.document.status).toBe('uploaded');
  });

  it('when nothing was uploaded yet, then 422 and it stays pending', async () => {
    const id = await newAssessment();
    const s = await slot(id);
    await rejected(422, () =>
      alice.client.post(`/api/assessments/${id}/documents/${s.document.id}/complete`),
    );
    expect((await docRow(s.document.id))!.status).toBe('pending');
  });

  it('when different bytes than announced were uploaded, then 422 and it stays pending', async () => {
    const id = await newAssessment();
    const s = await slot(id, 'board-pack.pdf', PDF, pdfBytes().length + 100);
    expect(await uploadViaPresignedPost(s.upload, pdfBytes(), PDF)).toBeLessThan(300);
    const body = await rejected(422, () =>
      alice.client.post(`/api/assessments/${id}/documents/${s.document.id}/complete`),
    );
    expect(body.detail).toMatch(String(pdfBytes().length));
    expect((await docRow(s.document.id))!.status).toBe('pending');
  });

  it('when the stored object has another content type, then 422 and it stays pending', async () => {
    const id = await newAssessment();
    const s = await slot(id);
    // Real S3 refuses this through the policy; the stand-in does not check policies, so complete must.
    const fields = { ...s.upload.fields, 'Content-Type': 'text/html' };
    expect(await uploadViaPresignedPost({ ...s.upload, fields }, pdfBytes(), 'text/html')).toBeLessThan(300);
    await rejected(422, () =>
      alice.client.post(`/api/assessments/${id}/documents/${s.document.id}/complete`),
    );
    expect((await docRow(s.document.id))!.status).toBe('pending');
  });

  it("when the document is another user's, under another assessment or unknown, then 404", async () => {
    const id = await newAssessment();
    const other = await newAssessment();
    const s = await slot(id);
    expect(await uploadViaPresignedPost(s.upload, pdfBytes(), PDF)).toBeLessThan(300);
    await rejected(404, () =>
      mallory.client.post(`/api/assessments/${id}/documents/${s.document.id}/complete`),
    );
    await rejected(404, () =>
      alice.client.post(`/api/assessments/${other}/documents/${s.document.id}/complete`),
    );
    await rejected(404, () => alice.client.post(`/api/assessments/${id}/documents/${randomUUID()}/complete`));
    await rejected(404, () => alice.client.post(`/api/assessments/${id}/documents/not-a-uuid/complete`));
    expect((await docRow(s.document.id))!.status).toBe('pending');
  });
});

describe('GET /api/assessments/:id/documents/:docId/download', () => {
  it('when uploaded, then 200 with a URL that fetches the very bytes from S3 as an attachment', async () => {
    const id = await newAssessment();
    const bytes = zipBytes('xlsx');
    const s = await slot(id, 'Forecast 2027.xlsx', XLSX, bytes.length);
    expect(await uploadViaPresignedPost(s.upload, bytes, XLSX)).toBeLessThan(300);
    expect(
      (await alice.client.post(`/api/assessments/${id}/documents/${s.document.id}/complete`)).status,
    ).toBe(200);
    const res = await alice.client.get<{ url: string; expiresAt: string }>(
      `/api/assessments/${id}/documents/${s.document.id}/download`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
    const file = await fetch(res.body.url);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('when not uploaded yet, then 404', async () => {
    const id = await newAssessment();
    const s = await slot(id);
    expectProblem(await alice.client.get(`/api/assessments/${id}/documents/${s.document.id}/download`), 404);
  });

  it("when the document is another user's or under another assessment, then 404", async () => {
    const id = await newAssessment();
    const other = await newAssessment();
    const s = await uploaded(id);
    expectProblem(
      await mallory.client.get(`/api/assessments/${id}/documents/${s.document.id}/download`),
      404,
    );
    expectProblem(
      await alice.client.get(`/api/assessments/${other}/documents/${s.document.id}/download`),
      404,
    );
  });
});

describe('DELETE /api/assessments/:id/documents/:docId', () => {
  it('when the owner deletes an uploaded document, then 204, the object and the row are gone, and again is 404', async () => {
    const id = await newAssessment();
    const s = await uploaded(id);
    const key = s.upload.fields.key!;
    expect(await s3Keys(app)).toContain(key);
    const res = await alice.client.delete(`/api/assessments/${id}/documents/${s.document.id}`);
    expect(res.status).toBe(204);
    expect(await s3Keys(app)).not.toContain(key);
    expect(await docRow(s.document.id)).toBeUndefined();
    expectProblem(await alice.client.delete(`/api/assessments/${id}/documents/${s.document.id}`), 404);
  });

  it('when a pending document is deleted, then 204 and it frees a place under the limit', async () => {
    const id = await newAssessment();
    const slots = [];
    for (let i = 0; i < 20; i++) slots.push(await slot(id, `doc-${i}.pdf`));
    expect(
      (await alice.client.delete(`/api/assessments/${id}/documents/${slots[0]!.document.id}`)).status,
    ).toBe(204);
    expect(
      (await requestSlot(id, { fileName: 'one-more.pdf', contentType: PDF, sizeBytes: 10 })).status,
    ).toBe(201);
  });

  it("when the document is another user's or under another assessment, then 404 and nothing is removed", async () => {
    const id = await newAssessment();
    const other = await newAssessment();
    const s = await uploaded(id);
    await rejected(404, () => mallory.client.delete(`/api/assessments/${id}/documents/${s.document.id}`));
    await rejected(404, () => alice.client.delete(`/api/assessments/${other}/documents/${s.document.id}`));
    expect(await s3Keys(app)).toContain(s.upload.fields.key);
  });
});

describe('Documents after submit', () => {
  it('when the assessment is submitted, then adding, completing or deleting a document is 409 and nothing changes', async () => {
    const id = await newAssessment();
    const kept = await uploaded(id);
    const pending = await slot(id, 'late.pdf');
    expect(await uploadViaPresignedPost(pending.upload, pdfBytes(), PDF)).toBeLessThan(300);
    expect(
      (await alice.client.put(`/api/assessments/${id}/responses`, { responses: allAnswers() })).status,
    ).toBe(200);
    expect((await alice.client.post(`/api/assessments/${id}/submit`)).status).toBe(200);

    await rejected(409, () => requestSlot(id, { fileName: 'after.pdf', contentType: PDF, sizeBytes: 10 }));
    await rejected(409, () => alice.client.delete(`/api/assessments/${id}/documents/${kept.document.id}`));
    await rejected(409, () =>
      alice.client.post(`/api/assessments/${id}/documents/${pending.document.id}/complete`),
    );
    expect((await docRow(pending.document.id))!.status).toBe('pending');
    // Reading stays possible.
    expect(
      (await alice.client.get(`/api/assessments/${id}/documents/${kept.document.id}/download`)).status,
    ).toBe(200);
  });
});
