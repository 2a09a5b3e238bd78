import { eq } from 'drizzle-orm';
import { domains } from '../../functions/api/features/questionnaire/catalogue';
import { assessments, outbox, sessions } from '../../functions/api/platform/db/tables';
import { ApiClient, allAnswers, PASSWORD, register, uploadViaPresignedPost } from '../support/client';
import { DOCX, PDF, pdfBytes, XLSX, zipBytes } from '../support/files';
import { appForTests } from './support/users';

const the = appForTests();

describe('The whole journey (IV1 + IV2)', () => {
  it('when a user registers, answers every domain, uploads three documents and submits, then the frozen, scored assessment is stored', async () => {
    const client = new ApiClient(the.app.url);
    const email = `journey-${Date.now()}@example.com`;

    // 1. Register, confirm (auto-confirmed locally) and log in.
    const reg = await register(client, email, { companyName: 'Journey Co', industry: 'Manufacturing' });
    expect(reg.status).toBe(201);
    expect(reg.body.confirmationRequired).toBe(false);
    const login = await client.post<{ accessToken: string; tokenType: string; user: { email: string } }>(
      '/api/auth/login',
      { email, password: PASSWORD },
    );
    expect(login.status).toBe(200);
    expect(login.body.tokenType).toBe('Bearer');
    expect(login.body.accessToken.split('.')).toHaveLength(3);
    expect(login.body.user.email).toBe(email);
    const setCookie = login.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/scalemap_session=[A-Za-z0-9_-]{40,}/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);

    // 2. Create an assessment and answer all 12 domains across several autosaves.
    const created = await client.post<{ id: string; version: number; status: string }>(
      '/api/assessments',
      {},
    );
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    const id = created.body.id;
    const answers = allAnswers();
    let version = created.body.version;
    for (const domain of domains) {
      const batch = Object.fromEntries(domain.questions.map((q) => [q.id, answers[q.id]!]));
      const saved = await client.put<{ version: number; progress: { answered: number; total: number } }>(
        `/api/assessments/${id}/responses`,
        { responses: batch },
        { 'if-match': `"${version}"` },
      );
      expect(saved.status).toBe(200);
      expect(saved.body.version).toBe(version + 1);
      version = saved.body.version;
    }
    const resumed = await client.get<{
      responses: Record<string, unknown>;
      progress: { answered: number; total: number };
    }>(`/api/assessments/${id}`);
    expect(resumed.body.progress).toEqual({
      answered: Object.keys(answers).length,
      total: Object.keys(answers).length,
    });
    expect(resumed.body.responses).toEqual(answers);

    // 3. Upload three documents by real HTTP to the presigned target, then complete them.
    const files = [
      { fileName: 'board-pack.pdf', contentType: PDF, bytes: pdfBytes() },
      { fileName: 'org-design.docx', contentType: DOCX, bytes: zipBytes('docx') },
      { fileName: 'forecast.xlsx', contentType: XLSX, bytes: zipBytes('xlsx') },
    ];
    for (const file of files) {
      const slot = await client.post<{
        document: { id: string; status: string };
        upload: { method: string; url: string; fields: Record<string, string> };
      }>(`/api/assessments/${id}/documents`, {
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.bytes.length,
      });
      expect(slot.status).toBe(201);
      expect(slot.body.document.status).toBe('pending');
      expect(slot.body.upload.method).toBe('POST');
      expect(await uploadViaPresignedPost(slot.body.upload, file.bytes, file.contentType)).toBeLessThan(300);
      const done = await client.post<{ document: { status: string } }>(
        `/api/assessments/${id}/documents/${slot.body.document.id}/complete`,
      );
      expect(done.status).toBe(200);
      expect(done.body.document.status).toBe('uploaded');
    }

    // 4. Submit, then check the stored row.
    const submitted = await client.post<{
      status: string;
      triageResults: { domainScores: { domainId: string; score: number }[]; priorityDomains: string[] };
    }>(`/api/assessments/${id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.triageResults.domainScores).toHaveLength(12);
    expect(submitted.body.triageResults.priorityDomains).toHaveLength(3);
    const [row] = await the.app.deps.db.db.select().from(assessments).where(eq(assessments.id, id));
    expect(row!.userId).toBe(reg.body.userId);
    expect(row!.status).toBe('submitted');
    expect(row!.submittedAt).toBeInstanceOf(Date);
    expect(row!.triageResults).toEqual(submitted.body.triageResults);
    const events = await the.app.deps.db.db.select().from(outbox);
    expect(events.filter((e) => (e.payload as { assessmentId: string }).assessmentId === id)).toHaveLength(1);
    expect(the.app.published.map((e) => e.type)).toContain('assessment.submitted');

    // 5. The same cookie keeps working; 6. logout revokes it.
    const detail = await client.get<{ documents: unknown[]; status: string }>(`/api/assessments/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.documents).toHaveLength(3);
    const cookie = [...client.cookies][0]!;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const [left] = await the.app.deps.db.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, reg.body.userId));
    expect(left).toBeUndefined();
    const replay = new ApiClient(the.app.url);
    replay.cookies.set(cookie[0], cookie[1]);
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });
});
