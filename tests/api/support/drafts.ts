import { eq, sql } from 'drizzle-orm';
import { domains } from '../../../functions/api/features/questionnaire/catalogue';
import { assessmentResponses, assessments, outbox } from '../../../functions/api/platform/db/tables';
import type { TestApp } from '../../support/app';
import { type ApiClient, allAnswers } from '../../support/client';
import type { User } from './users';

export interface Summary {
  id: string;
  name: string;
  status: 'draft' | 'submitted';
  version: number;
  progress: { answered: number; total: number };
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}
export interface Detail extends Summary {
  responses: Record<string, number | string>;
  documents: unknown[];
  triageResults?: SubmitBody['triageResults'];
}
export interface SubmitBody {
  id: string;
  status: 'submitted';
  submittedAt: string;
  triageResults: { domainScores: { domainId: string; score: number }[]; priorityDomains: string[] };
}
export interface Saved {
  version: number;
  progress: { answered: number; total: number };
}

export const answers = allAnswers();
export const pick = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, answers[id]!]));
export const firstScale = domains[0]!.questions.find((q) => q.type === 'scale')!;
export const firstChoice = domains[0]!.questions.find((q) => q.type === 'choice')!;

/** Alice's way to create, save and complete drafts, and what the database then holds for one. */
export function draftTools(the: { app: TestApp; alice: User }) {
  async function create(client: ApiClient = the.alice.client): Promise<Summary> {
    const res = await client.post<Summary>('/api/assessments', {});
    expect(res.status).toBe(201);
    return res.body;
  }
  async function save(id: string, responses: Record<string, unknown>, headers?: Record<string, string>) {
    return the.alice.client.put<Saved>(`/api/assessments/${id}/responses`, { responses }, headers);
  }
  async function dbRow(id: string) {
    const [row] = await the.app.deps.db.db.select().from(assessments).where(eq(assessments.id, id));
    return row!;
  }
  async function storedAnswers(id: string) {
    const rows = await the.app.deps.db.db
      .select()
      .from(assessmentResponses)
      .where(eq(assessmentResponses.assessmentId, id));
    return Object.fromEntries(rows.map((r) => [r.questionId, r.responseValue]));
  }
  async function outboxFor(id: string) {
    return the.app.deps.db.db.select().from(outbox).where(sql`${outbox.payload}->>'assessmentId' = ${id}`);
  }
  async function complete(): Promise<Summary> {
    const a = await create();
    expect((await save(a.id, answers)).status).toBe(200);
    return a;
  }
  return { create, save, dbRow, storedAnswers, outboxFor, complete };
}
