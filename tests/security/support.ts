import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Database } from '../../functions/api/platform/db/database';

/** Row counts of every table, and the newest `updated_at`s: what a refused request must not change. */
export async function snapshot(db: Database) {
  const rows = await db.execute<{
    users: number;
    assessments: number;
    responses: number;
    documents: number;
    sessions: number;
    outbox: number;
    revoked_logins: number;
    documents_recorded: string | null;
    assessments_updated: string | null;
    responses_updated: string | null;
    versions: number;
  }>(sql`select
    (select count(*)::int from users) as users,
    (select count(*)::int from assessments) as assessments,
    (select count(*)::int from assessment_responses) as responses,
    (select count(*)::int from documents) as documents,
    (select count(*)::int from sessions) as sessions,
    (select count(*)::int from outbox) as outbox,
    (select count(*)::int from revoked_logins) as revoked_logins,
    (select string_agg(status || ':' || coalesce(version_id, '-') || ':' || coalesce(sha256, '-'), ',' order by id)
      from documents) as documents_recorded,
    (select max(updated_at)::text from assessments) as assessments_updated,
    (select max(updated_at)::text from assessment_responses) as responses_updated,
    (select coalesce(sum(version), 0)::int from assessments) as versions`);
  // node-postgres returns { rows }, PGlite returns { rows } too; both drivers agree here.
  return (rows as unknown as { rows: Record<string, unknown>[] }).rows[0];
}

/** What no response body may contain: stack frames, source paths, SQL from the driver. */
export const leaks: [string, RegExp][] = [
  ['a stack frame', /\bat [^\s]+ \(?[^)\s]*:\d+:\d+\)?/],
  ['an internal path', /\/work\/|node_modules|functions\/api|[\w-]+\.ts\b/],
  [
    'SQL text',
    /Failed query|\bparams:|\b(select|insert into|update|delete from)\b[^"]*"(users|assessments|assessment_responses|documents|sessions|outbox)"/i,
  ],
  ['an error class', /\b(TypeError|ReferenceError|SyntaxError|RangeError|DrizzleQueryError|DatabaseError)\b/],
];

const b64url = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** The key cognito-local signs every token with (it ships in the package). */
export function cognitoLocalKey(): string {
  const file = require.resolve('cognito-local/lib/keys/cognitoLocal.private.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { pem: string }).pem;
}

export const cognitoLocalPublicJwk = (): { n: string; e: string } => {
  const file = require.resolve('cognito-local/lib/keys/cognitoLocal.public.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { jwk: { n: string; e: string } }).jwk;
};

/** A foreign RSA key: right shape, wrong signer. */
export function foreignKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

export function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

/** Signs an RS256 JWT, as cognito-local does (kid "CognitoLocal"). */
export function signRs256(
  payload: Record<string, unknown>,
  key: string | KeyObject,
  header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', kid: 'CognitoLocal' },
): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return `${input}.${signature}`;
}

/** An unsigned token (`alg: none`). */
export function unsigned(payload: Record<string, unknown>): string {
  return `${b64url({ alg: 'none', typ: 'JWT', kid: 'CognitoLocal' })}.${b64url(payload)}.`;
}

/** HS256 signed with a secret: the classic algorithm-confusion attack uses the public key as the secret. */
export function signHs256(payload: Record<string, unknown>, secret: string): string {
  const input = `${b64url({ alg: 'HS256', typ: 'JWT', kid: 'CognitoLocal' })}.${b64url(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
