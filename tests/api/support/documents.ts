import { eq } from 'drizzle-orm';
import { documents } from '../../../functions/api/platform/db/tables';
import type { TestApp } from '../../support/app';
import { type ApiClient, uploadViaPresignedPost } from '../../support/client';
import { PDF, pdfBytes } from '../../support/files';
import { draftTools } from './drafts';
import { snapshot } from './inspect';
import { expectProblem } from './problem';
import type { User } from './users';

export interface DocumentView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  status: 'pending' | 'uploaded';
  createdAt: string;
}
export interface Slot {
  document: DocumentView;
  upload: { method: string; url: string; fields: Record<string, string>; expiresAt: string };
}

/** Alice's drafts and documents, and a check that a refused request changed nothing. */
export function documentTools(the: { app: TestApp; alice: User }) {
  const { create } = draftTools(the);
  async function newAssessment(client: ApiClient = the.alice.client): Promise<string> {
    return (await create(client)).id;
  }
  function requestSlot(assessmentId: string, body: unknown, client: ApiClient = the.alice.client) {
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
    const done = await the.alice.client.post(
      `/api/assessments/${assessmentId}/documents/${s.document.id}/complete`,
    );
    expect(done.status).toBe(200);
    return s;
  }
  async function docRow(id: string) {
    const [row] = await the.app.deps.db.db.select().from(documents).where(eq(documents.id, id));
    return row;
  }
  /** Runs a request that must be rejected and checks that no row or object changed. */
  async function rejected(status: number, send: () => Promise<Parameters<typeof expectProblem>[0]>) {
    const before = await snapshot(the.app);
    const body = expectProblem(await send(), status);
    expect(await snapshot(the.app)).toEqual(before);
    return body;
  }
  return { newAssessment, requestSlot, slot, uploaded, docRow, rejected };
}
