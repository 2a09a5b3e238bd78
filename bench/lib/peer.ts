/**
 * The P1 floor: the same request as the app's `GET /api/assessments/:id`, written the minimal way
 * with Express 5 and pg. Cookie → sha256 → the app's session-and-user join → the app's one-round-trip
 * detail query → the same JSON body. A pool of 10, as on Fargate; no logging, metrics or tracing.
 * It runs in its own process on the same Node, bound to 127.0.0.1.
 * argv[2]: the database URL (the app's own bench database, so the rows are the same).
 */

import { createHash } from 'node:crypto';
import http from 'node:http';
import { parseCookie } from 'cookie';
import express from 'express';
import { Pool } from 'pg';
import { totalQuestions } from '../../functions/api/features/questionnaire/service';
import { listenOnLoopback } from './listen';
import { serveChild } from './protocol';

/** The SQL the app's drizzle queries produce (functions/api/features/{auth,assessments}/repository.ts). */
const SESSION_USER = `select "users"."id", "users"."email", "users"."company_name", "users"."industry" from "sessions" inner join "users" on "users"."id" = "sessions"."user_id" where ("sessions"."id_hash" = $1 and "sessions"."expires_at" > $2)`;
const DETAIL = `select "id", "user_id", "name", "status", "version", "submitted_at", "triage_results", "created_at", "updated_at",
  coalesce((select jsonb_object_agg(r.question_id, r.response_value)
    from assessment_responses r where r.assessment_id = "assessments"."id"), '{}'::jsonb) as responses,
  coalesce((select jsonb_agg(jsonb_build_object('id', d.id, 'fileName', d.file_name, 'fileType', d.file_type,
    'sizeBytes', d.size_bytes, 'status', d.status, 'createdAt', d.created_at) order by d.created_at)
    from documents d where d.assessment_id = "assessments"."id"), '[]'::jsonb) as documents
  from "assessments" where ("assessments"."id" = $1 and "assessments"."user_id" = $2)`;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface DetailRow {
  id: string;
  name: string;
  status: string;
  version: number;
  submitted_at: Date | null;
  triage_results: unknown;
  created_at: Date;
  updated_at: Date;
  responses: Record<string, unknown>;
  documents: {
    id: string;
    fileName: string;
    fileType: string;
    sizeBytes: number;
    status: string;
    createdAt: string;
  }[];
}

serveChild(async () => {
  const pool = new Pool({ connectionString: process.argv[2], max: 10 });
  const app = express();
  app.get('/api/assessments/:id', async (req, res) => {
    const sid = req.headers.cookie ? parseCookie(req.headers.cookie).scalemap_session : undefined;
    if (!sid) return void res.status(401).end();
    const hash = createHash('sha256').update(sid).digest('hex');
    const user = (await pool.query<{ id: string }>(SESSION_USER, [hash, new Date()])).rows[0];
    if (!user) return void res.status(401).end();
    if (!uuid.test(req.params.id)) return void res.status(404).end();
    const row = (await pool.query<DetailRow>(DETAIL, [req.params.id, user.id])).rows[0];
    if (!row) return void res.status(404).end();
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('ETag', `"${row.version}"`);
    res.json({
      id: row.id,
      name: row.name,
      status: row.status,
      version: row.version,
      progress: { answered: Object.keys(row.responses).length, total: totalQuestions },
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
      responses: row.responses,
      documents: row.documents.map((d) => ({
        id: d.id,
        fileName: d.fileName,
        contentType: d.fileType,
        sizeBytes: d.sizeBytes,
        status: d.status,
        createdAt: new Date(d.createdAt).toISOString(),
      })),
      ...(row.triage_results ? { triageResults: row.triage_results } : {}),
    });
  });
  return listenOnLoopback(http.createServer(app), () => pool.end());
});
