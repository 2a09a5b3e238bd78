import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { hashSessionId } from '../../../functions/api/features/auth/service';
import { sessions } from '../../../functions/api/platform/db/tables';
import { startTestApp } from '../../support/app';
import { allAnswers, PASSWORD, registerAndLogin } from '../../support/client';
import { PDF } from '../../support/files';
import { decodePayload, leaks, snapshot } from '../support';
import { type Case, type Context, type Send, scaleQ, type Target, textQ, type User } from './catalogue';
import { DRAFT_CAP, setupIntegrity } from './setup-integrity';

/** Two users, their assessments in every state, and the tokens the cases forge from. */
export async function setupContext(): Promise<Context> {
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ScaleMap</title>');
  const app = await startTestApp({
    // One trusted hop, so a case can claim HTTPS with X-Forwarded-Proto; the SPA is served too.
    env: { TRUST_PROXY: '1', STATIC_DIR: staticDir, MAX_DRAFTS_PER_USER: String(DRAFT_CAP) },
  });
  const [a, b] = await Promise.all([registerAndLogin(app.url, 'alice'), registerAndLogin(app.url, 'bob')]);
  const cookie = [...a.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const create = async (u: User) => (await u.client.post<{ id: string }>('/api/assessments', {})).body.id;
  const [aDraft, aFull, aSubmitted, bDraft] = await Promise.all([create(a), create(a), create(a), create(b)]);
  const saved = await a.client.put<{ version: number }>(`/api/assessments/${aDraft}/responses`, {
    responses: { [scaleQ]: 3, [textQ]: 'We hire carefully.' },
  });
  for (let i = 0; i < 20; i++) {
    const res = await a.client.post(`/api/assessments/${aFull}/documents`, {
      fileName: `doc-${i}.pdf`,
      contentType: PDF,
      sizeBytes: 100,
    });
    if (res.status !== 201) throw new Error(`setup: document ${i} got ${res.status}`);
  }
  await a.client.put(`/api/assessments/${aSubmitted}/responses`, { responses: allAnswers() });
  const submitted = await a.client.post(`/api/assessments/${aSubmitted}/submit`);
  if (submitted.status !== 200) throw new Error(`setup: submit got ${submitted.status}`);
  const bDoc = await b.client.post<{ document: { id: string } }>(`/api/assessments/${bDraft}/documents`, {
    fileName: 'secret-plan.pdf',
    contentType: PDF,
    sizeBytes: 100,
  });
  const tokens = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: a.email, password: PASSWORD }),
  }).then((r) => r.json() as Promise<{ idToken: string; accessToken: string }>);
  const expiredId = randomBytes(32).toString('base64url');
  await app.deps.db.db.insert(sessions).values({
    idHash: hashSessionId(expiredId),
    userId: a.userId,
    expiresAt: new Date(Date.now() - 60_000),
  });
  return {
    app,
    a,
    b,
    cookie,
    aDraft,
    aFull,
    aSubmitted,
    aDraftVersion: saved.body.version,
    bDraft,
    bDoc: bDoc.body.document.id,
    aIdToken: tokens.idToken,
    accessClaims: decodePayload(tokens.accessToken),
    expiredSessionCookie: `scalemap_session=${expiredId}`,
    ...(await setupIntegrity(app, a, aDraft)),
  };
}

/** Writes raw bytes to the server and splits the answer into status, headers and body. */
async function sendRaw(url: string, raw: string) {
  const { hostname, port } = new URL(url);
  const answer = await new Promise<string>((resolve, reject) => {
    let out = '';
    const socket = net.connect(Number(port), hostname, () => socket.write(raw));
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer')));
    socket.on('data', (d) => {
      out += d.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(out));
  });
  const [head = '', ...rest] = answer.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = new Headers(
    lines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()] as [string, string]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, text: rest.join('\r\n\r\n') };
}

/** Sends one catalogue request over real HTTP; the cookie defaults to A's session. */
export async function send(ctx: Target, req: Send) {
  if (req.raw !== undefined) return sendRaw(ctx.app.url, req.raw);
  const headers: Record<string, string> = { ...req.headers };
  const body =
    req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
  const type =
    req.contentType === undefined ? (body === undefined ? null : 'application/json') : req.contentType;
  if (type) headers['content-type'] = type;
  const cookie = req.cookie === undefined ? ctx.cookie : req.cookie;
  if (cookie) headers.cookie = cookie;
  const res = await fetch(ctx.app.url + req.path, { method: req.method, headers, body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/**
 * One test per case: its exact status, a problem+json body that gives nothing away, and a database
 * unchanged by the request.
 */
export function runCatalogue<C extends Target>(getCtx: () => C, catalogue: Record<string, Case<C>[]>): void {
  for (const [subject, cases] of Object.entries(catalogue)) {
    describe(subject, () => {
      for (const c of cases) {
        it(`when ${c.when}, then ${c.status} and the database is unchanged`, async () => {
          const ctx = getCtx();
          const before = await snapshot(ctx.app.deps.db.db);
          const res = await send(ctx, await c.request(ctx));
          const body = res.text.slice(0, 300);
          expect({ status: res.status, body }).toEqual({ status: c.status, body });
          expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          const problem = JSON.parse(res.text) as { status: number; title: string; correlationId: string };
          await c.andThen?.(ctx, problem);
          expect(problem.status).toBe(c.status);
          expect(problem.correlationId).toBe(res.headers.get('x-correlation-id'));
          for (const [what, pattern] of leaks) {
            expect({ what, found: pattern.exec(res.text)?.[0] }).toEqual({ what, found: undefined });
          }
          expect(await snapshot(ctx.app.deps.db.db)).toEqual(before);
        });
      }
    });
  }
}
