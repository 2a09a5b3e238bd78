import { randomUUID } from 'node:crypto';
import { allAnswers, uploadViaPresignedPost } from '../support/client';
import { PDF, pdfBytes, XLSX, zipBytes } from '../support/files';
import { type DocumentView, documentTools } from './support/documents';
import { s3Keys } from './support/inspect';
import { expectProblem } from './support/problem';
import { appWithUsers } from './support/users';

/** Completing, downloading and deleting a document, and documents once submitted. */
// Alice starts a fresh draft for nearly every case: more than the default draft cap.
const the = appWithUsers(['alice', 'mallory'], { env: { MAX_DRAFTS_PER_USER: '100' } });
const { newAssessment, requestSlot, slot, uploaded, docRow, rejected } = documentTools(the);

describe('POST /api/assessments/:id/documents/:docId/complete', () => {
  it('when the object was uploaded as announced, then 200 uploaded, and again 200 (idempotent)', async () => {
    const id = await newAssessment();
    const s = await slot(id);
    expect(await uploadViaPresignedPost(s.upload, pdfBytes(), PDF)).toBeLessThan(300);
    const url = `/api/assessments/${id}/documents/${s.document.id}/complete`;
    const done = await the.alice.client.post<{ document: DocumentView }>(url);
    expect(done.status).toBe(200);
    expect(done.body.document).toEqual({ ...s.document, status: 'uploaded' });
    expect((await docRow(s.document.id))!.status).toBe('uploaded');
    const again = await the.alice.client.post<{ document: DocumentView }>(url);
    expect(again.status).toBe(200);
    expect(again.body.document.status).toBe('uploaded');
  });

  it('when nothing was uploaded yet, then 422 and it stays pending', async () => {
    const id = await newAssessment();
    const s = await slot(id);
    await rejected(422, () =>
      the.alice.client.post(`/api/assessments/${id}/documents/${s.document.id}/complete`),
    );
    expect((await docRow(s.document.id))!.status).toBe('pending');
  });

  it('when different bytes than announced were uploaded, then 422 and it stays pending', async () => {
    const id = await newAssessment();
    const s = await slot(id, 'board-pack.pdf', PDF, pdfBytes().length + 100);
    expect(await uploadViaPresignedPost(s.upload, pdfBytes(), PDF)).toBeLessThan(300);
    const body = await rejected(422, () =>
      the.alice.client.post(`/api/assessments/${id}/documents/${s.document.id}/complete`),
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
      the.alice.client.post(`/api/assessments/${id}/documents/${s.document.id}/complete`),
    );
    expect((await docRow(s.document.id))!.status).toBe('pending');
  });

  it("when the document is another user's, under another assessment or unknown, then 404", async () => {
    const id = await newAssessment();
    const other = await newAssessment();
    const s = await slot(id);
    expect(await uploadViaPresignedPost(s.upload, pdfBytes(), PDF)).toBeLessThan(300);
    await rejected(404, () =>
      the.mallory.client.post(`/api/assessments/${id}/documents/${s.document.id}/complete`),
    );
    await rejected(404, () =>
      the.alice.client.post(`/api/assessments/${other}/documents/${s.document.id}/complete`),
    );
    await rejected(404, () =>
      the.alice.client.post(`/api/assessments/${id}/documents/${randomUUID()}/complete`),
    );
    await rejected(404, () => the.alice.client.post(`/api/assessments/${id}/documents/not-a-uuid/complete`));
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
      (await the.alice.client.post(`/api/assessments/${id}/documents/${s.document.id}/complete`)).status,
    ).toBe(200);
    const res = await the.alice.client.get<{ url: string; expiresAt: string }>(
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
    expectProblem(
      await the.alice.client.get(`/api/assessments/${id}/documents/${s.document.id}/download`),
      404,
    );
  });

  it("when the document is another user's or under another assessment, then 404", async () => {
    const id = await newAssessment();
    const other = await newAssessment();
    const s = await uploaded(id);
    expectProblem(
      await the.mallory.client.get(`/api/assessments/${id}/documents/${s.document.id}/download`),
      404,
    );
    expectProblem(
      await the.alice.client.get(`/api/assessments/${other}/documents/${s.document.id}/download`),
      404,
    );
  });
});

describe('DELETE /api/assessments/:id/documents/:docId', () => {
  it('when the owner deletes an uploaded document, then 204, the object and the row are gone, and again is 404', async () => {
    const id = await newAssessment();
    const s = await uploaded(id);
    const key = s.upload.fields.key!;
    expect(await s3Keys(the.app)).toContain(key);
    const res = await the.alice.client.delete(`/api/assessments/${id}/documents/${s.document.id}`);
    expect(res.status).toBe(204);
    expect(await s3Keys(the.app)).not.toContain(key);
    expect(await docRow(s.document.id)).toBeUndefined();
    expectProblem(await the.alice.client.delete(`/api/assessments/${id}/documents/${s.document.id}`), 404);
  });

  it('when a pending document is deleted, then 204 and it frees a place under the limit', async () => {
    const id = await newAssessment();
    const slots = [];
    for (let i = 0; i < 20; i++) slots.push(await slot(id, `doc-${i}.pdf`));
    expect(
      (await the.alice.client.delete(`/api/assessments/${id}/documents/${slots[0]!.document.id}`)).status,
    ).toBe(204);
    expect(
      (await requestSlot(id, { fileName: 'one-more.pdf', contentType: PDF, sizeBytes: 10 })).status,
    ).toBe(201);
  });

  it("when the document is another user's or under another assessment, then 404 and nothing is removed", async () => {
    const id = await newAssessment();
    const other = await newAssessment();
    const s = await uploaded(id);
    await rejected(404, () => the.mallory.client.delete(`/api/assessments/${id}/documents/${s.document.id}`));
    await rejected(404, () =>
      the.alice.client.delete(`/api/assessments/${other}/documents/${s.document.id}`),
    );
    expect(await s3Keys(the.app)).toContain(s.upload.fields.key);
  });
});

describe('Documents after submit', () => {
  it('when the assessment is submitted, then adding, completing or deleting a document is 409 and nothing changes', async () => {
    const id = await newAssessment();
    const kept = await uploaded(id);
    const pending = await slot(id, 'late.pdf');
    expect(await uploadViaPresignedPost(pending.upload, pdfBytes(), PDF)).toBeLessThan(300);
    expect(
      (await the.alice.client.put(`/api/assessments/${id}/responses`, { responses: allAnswers() })).status,
    ).toBe(200);
    expect((await the.alice.client.post(`/api/assessments/${id}/submit`)).status).toBe(200);

    await rejected(409, () => requestSlot(id, { fileName: 'after.pdf', contentType: PDF, sizeBytes: 10 }));
    await rejected(409, () =>
      the.alice.client.delete(`/api/assessments/${id}/documents/${kept.document.id}`),
    );
    await rejected(409, () =>
      the.alice.client.post(`/api/assessments/${id}/documents/${pending.document.id}/complete`),
    );
    expect((await docRow(pending.document.id))!.status).toBe('pending');
    // Reading stays possible.
    expect(
      (await the.alice.client.get(`/api/assessments/${id}/documents/${kept.document.id}/download`)).status,
    ).toBe(200);
  });
});
