/**
 * The whole journey over HTTP against a rehearsal's front, as a browser's requests would go:
 * register → login → all 12 domains → three uploads through the presigned POST → submit → results.
 */
import { domains } from '../../../functions/api/features/questionnaire/catalogue';
import { ApiClient, allAnswers, PASSWORD, uploadViaPresignedPost } from '../../support/client';
import { DOCX, PDF, pdfBytes, XLSX, zipBytes } from '../../support/files';

export interface JourneyOutcome {
  client: ApiClient;
  assessmentId: string;
  submit: {
    status: number;
    body: { status: string; triageResults: { domainScores: { domainId: string; score: number }[] } };
  };
  detail: { status: number; body: { status: string; documents: { fileName: string; status: string }[] } };
}

export async function runJourney(baseUrl: string, label: string): Promise<JourneyOutcome> {
  const client = new ApiClient(baseUrl, { origin: baseUrl });
  const email = `${label}-${Date.now()}@example.com`;
  const expectStatus = (what: string, res: { status: number; body: unknown }, status: number) => {
    if (res.status !== status)
      throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  };
  expectStatus(
    'register',
    await client.post('/api/auth/register', {
      email,
      password: PASSWORD,
      companyName: 'Rehearsal Co',
      industry: 'Software',
    }),
    201,
  );
  expectStatus('login', await client.post('/api/auth/login', { email, password: PASSWORD }), 200);
  const created = await client.post<{ id: string; version: number }>('/api/assessments', {});
  expectStatus('create', created, 201);
  const id = created.body.id;
  const answers = allAnswers();
  let version = created.body.version;
  for (const domain of domains) {
    const batch = Object.fromEntries(domain.questions.map((q) => [q.id, answers[q.id]!]));
    const saved = await client.put<{ version: number }>(
      `/api/assessments/${id}/responses`,
      { responses: batch },
      { 'if-match': `"${version}"` },
    );
    expectStatus(`save ${domain.id}`, saved, 200);
    version = saved.body.version;
  }
  const files = [
    { fileName: 'plan.pdf', contentType: PDF, bytes: pdfBytes() },
    { fileName: 'org.docx', contentType: DOCX, bytes: zipBytes('docx') },
    { fileName: 'model.xlsx', contentType: XLSX, bytes: zipBytes('xlsx') },
  ];
  for (const f of files) {
    const slot = await client.post<{
      document: { id: string };
      upload: { url: string; fields: Record<string, string> };
    }>(`/api/assessments/${id}/documents`, {
      fileName: f.fileName,
      contentType: f.contentType,
      sizeBytes: f.bytes.length,
    });
    expectStatus(`slot ${f.fileName}`, slot, 201);
    const uploaded = await uploadViaPresignedPost(slot.body.upload, f.bytes, f.contentType);
    if (uploaded >= 300) throw new Error(`upload ${f.fileName} to S3: ${uploaded}`);
    expectStatus(
      `complete ${f.fileName}`,
      await client.post(`/api/assessments/${id}/documents/${slot.body.document.id}/complete`),
      200,
    );
  }
  const submit = (await client.post(`/api/assessments/${id}/submit`)) as JourneyOutcome['submit'];
  const detail = (await client.get(`/api/assessments/${id}`)) as JourneyOutcome['detail'];
  return { client, assessmentId: id, submit, detail };
}
