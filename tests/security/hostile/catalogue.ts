import { randomBytes } from 'node:crypto';
import { questionIndex } from '../../../functions/api/features/questionnaire/service';
import type { TestApp } from '../../support/app';
import { PASSWORD, type registerAndLogin } from '../../support/client';
import { PDF } from '../../support/files';

/**
 * The hostile-input catalogue's shared vocabulary: the context every case sees, the request shape,
 * and small builders for the requests the tables repeat.
 */

export type User = Awaited<ReturnType<typeof registerAndLogin>>;

/** What a request is sent to: the app, and the cookie it carries unless the case says otherwise. */
export interface Target {
  app: TestApp;
  /** A's session cookie header. */
  cookie: string;
}

export interface Context extends Target {
  a: User;
  b: User;
  aDraft: string;
  aFull: string;
  aSubmitted: string;
  aDraftVersion: number;
  bDraft: string;
  bDoc: string;
  aIdToken: string;
  accessClaims: Record<string, unknown>;
  expiredSessionCookie: string;
  /** A user at the draft cap (MAX_DRAFTS_PER_USER=5 in this app). */
  cappedCookie: string;
  /** A login that signed out with its cookie: its access token and the cookie itself. */
  signedOutByCookie: { accessToken: string; cookie: string };
  /** An access token that signed itself out (Bearer logout). */
  signedOutByBearer: string;
  /** Pending slots on A's draft, each announced as a type its bytes are not. */
  impostorSlots: Record<string, ImpostorSlot>;
}

export interface ImpostorSlot {
  docId: string;
  key: string;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
  upload: { url: string; fields: Record<string, string> };
}

export interface Send {
  method: string;
  path: string;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Defaults to application/json when there is a body; null sends none. */
  contentType?: string | null;
  /** Defaults to A's session cookie; null sends none. */
  cookie?: string | null;
  headers?: Record<string, string>;
  /** Written as is to a TCP socket instead (for what Node's HTTP parser refuses). */
  raw?: string;
}

export interface Case<C = Context> {
  when: string;
  status: number;
  /** May do work that leaves the database alone first (an upload to S3). */
  request: (ctx: C) => Send | Promise<Send>;
  /** Further checks on the problem (a bounded error list, an object deleted). */
  andThen?: (ctx: C, problem: Record<string, unknown>) => void | Promise<void>;
}

export const first = (type: string) =>
  [...questionIndex.values()].find((q) => q.question.type === type)!.question;
export const scaleQ = first('scale').id;
export const choiceQ = first('choice').id;
export const numberQ = [...questionIndex.values()].find(
  (q) => q.question.type === 'number' && q.question.min === 0 && q.question.max !== undefined,
)!.question;
export const textQ = first('text').id;

export const put =
  (body: unknown, extra: Partial<Send> = {}) =>
  (c: Context): Send => ({
    method: 'PUT',
    path: `/api/assessments/${c.aDraft}/responses`,
    body,
    ...extra,
  });
export const answer = (id: string, value: unknown) => put({ responses: { [id]: value } });
export const slot =
  (fields: Record<string, unknown>) =>
  (c: Context): Send => ({
    method: 'POST',
    path: `/api/assessments/${c.aDraft}/documents`,
    body: { fileName: 'board-pack.pdf', contentType: PDF, sizeBytes: 1000, ...fields },
  });
export const register = (fields: Record<string, unknown>) => (): Send => ({
  method: 'POST',
  path: '/api/auth/register',
  cookie: null,
  body: {
    email: `hostile-${randomBytes(4).toString('hex')}@example.com`,
    password: PASSWORD,
    companyName: 'Hostile Ltd',
    industry: 'Software',
    ...fields,
  },
});
export const bearer =
  (token: (c: Context) => string) =>
  (c: Context): Send => ({
    method: 'GET',
    path: `/api/assessments/${c.aDraft}`,
    cookie: null,
    headers: { authorization: `Bearer ${token(c)}` },
  });
export const claims = (c: Context, changes: Record<string, unknown>) => ({ ...c.accessClaims, ...changes });
export const now = () => Math.floor(Date.now() / 1000);
export const evil =
  (method: string, path: (c: Context) => string, body?: unknown, origin = 'https://evil.example') =>
  (c: Context): Send => ({ method, path: path(c), body, headers: { origin } });
export const deep = (levels: number, open: string, close: string, leaf: string) =>
  open.repeat(levels) + leaf + close.repeat(levels);
export const tenMegabytes = `{"responses":{"${textQ}":"${'x'.repeat(10 * 1024 * 1024)}"}}`;
