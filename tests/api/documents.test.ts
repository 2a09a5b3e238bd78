import { randomUUID } from 'node:crypto';
import { MAX_DOCUMENT_BYTES } from '../../functions/api/contract/documents';
import { DOCX, PDF, XLSX } from '../support/files';
import { documentTools } from './support/documents';
import { s3Keys } from './support/inspect';
import { appWithUsers } from './support/users';

/** Asking for an upload slot (completing, downloading and deleting: documents-lifecycle). */
// Alice starts a fresh draft for nearly every case: more than the default draft cap.
const the = appWithUsers(['alice', 'mallory'], { env: { MAX_DRAFTS_PER_USER: '100' } });
const { newAssessment, requestSlot, slot, docRow, rejected } = documentTools(the);

describe('POST /api/assessments/:id/documents', () => {
  it('when the file is allowed, then 201 with a pending document and a presigned POST, and nothing in S3 yet', async () => {
    const id = await newAssessment();
    const before = await s3Keys(the.app);
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
      url: expect.stringContaining(the.app.s3.endpoint),
      fields: expect.objectContaining({
        'Content-Type': DOCX,
        key: expect.stringContaining(res.body.document.id),
      }),
      expiresAt: expect.any(String),
    });
    expect(Date.parse(res.body.upload.expiresAt)).toBeGreaterThan(Date.now());
    expect(await docRow(res.body.document.id)).toMatchObject({ assessmentId: id, status: 'pending' });
    expect(await s3Keys(the.app)).toEqual(before);
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
      the.alice.client.request(
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
    const detail = await the.alice.client.get<{ documents: unknown[] }>(`/api/assessments/${id}`);
    expect(detail.body.documents).toHaveLength(20);
  });

  it("when the assessment is another user's or does not exist, then 404 and nothing changes", async () => {
    const id = await newAssessment();
    const body = { fileName: 'a.pdf', contentType: PDF, sizeBytes: 10 };
    await rejected(404, () => requestSlot(id, body, the.mallory.client));
    await rejected(404, () => requestSlot(randomUUID(), body));
  });
});
