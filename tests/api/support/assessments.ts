import type { ApiClient } from '../../support/client';
import { allAnswers, uploadViaPresignedPost } from '../../support/client';
import { PDF, pdfBytes } from '../../support/files';

export interface Created {
  id: string;
  name: string;
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Starts an assessment (optionally named) and returns the 201 body. */
export async function createAssessment(
  client: ApiClient,
  body: Record<string, unknown> = {},
): Promise<Created> {
  const res = await client.post<Created>('/api/assessments', body);
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Uploads a small PDF to the assessment through S3 and confirms it; returns the document id. */
export async function uploadDocument(client: ApiClient, assessmentId: string, fileName = 'plan.pdf') {
  const bytes = pdfBytes();
  const slot = await client.post<{
    document: { id: string };
    upload: { url: string; fields: Record<string, string> };
  }>(`/api/assessments/${assessmentId}/documents`, { fileName, contentType: PDF, sizeBytes: bytes.length });
  if (slot.status !== 201) throw new Error(`slot failed: ${slot.status} ${JSON.stringify(slot.body)}`);
  const status = await uploadViaPresignedPost(slot.body.upload, bytes, PDF);
  if (status >= 300) throw new Error(`upload failed: ${status}`);
  const done = await client.post(
    `/api/assessments/${assessmentId}/documents/${slot.body.document.id}/complete`,
  );
  if (done.status !== 200) throw new Error(`complete failed: ${done.status} ${JSON.stringify(done.body)}`);
  return slot.body.document.id;
}

/** Saves answers (all of them by default, overridden by `answers`) and submits. */
export async function answerAndSubmit(
  client: ApiClient,
  assessmentId: string,
  answers: Record<string, number | string> = {},
) {
  const save = await client.put(`/api/assessments/${assessmentId}/responses`, {
    responses: { ...allAnswers(), ...answers },
  });
  if (save.status !== 200) throw new Error(`save failed: ${save.status} ${JSON.stringify(save.body)}`);
  const submit = await client.post(`/api/assessments/${assessmentId}/submit`);
  if (submit.status !== 200)
    throw new Error(`submit failed: ${submit.status} ${JSON.stringify(submit.body)}`);
}
