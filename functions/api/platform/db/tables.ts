import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  cognitoSub: text('cognito_sub').notNull().unique(),
  email: text('email').notNull().unique(),
  companyName: text('company_name').notNull(),
  industry: text('industry').notNull(),
  createdAt: createdAt(),
});

export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Shown on the dashboard; rows older than the column default to the migration's date. */
    name: text('name')
      .notNull()
      .default(sql`'Assessment ' || to_char(now() at time zone 'UTC', 'YYYY-MM-DD')`),
    status: text('status', { enum: ['draft', 'submitted'] })
      .notNull()
      .default('draft'),
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    triageResults: jsonb('triage_results'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assessments_user_id_idx').on(t.userId, t.createdAt),
    // The list's cursor order: newest change first, id as the tiebreaker.
    index('assessments_user_updated_idx').on(t.userId, t.updatedAt, t.id),
  ],
);

export const assessmentResponses = pgTable(
  'assessment_responses',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    domainId: text('domain_id').notNull(),
    responseValue: jsonb('response_value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.questionId] })],
);

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    s3Key: text('s3_key').notNull().unique(),
    fileName: text('file_name').notNull(),
    fileType: text('file_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['pending', 'uploaded'] })
      .notNull()
      .default('pending'),
    /** The S3 object version recorded at complete: downloads are pinned to it (null where S3 keeps no versions). */
    versionId: text('version_id'),
    /** SHA-256 (hex) of the bytes checked at complete. */
    sha256: text('sha256'),
    createdAt: createdAt(),
  },
  (t) => [index('documents_assessment_id_idx').on(t.assessmentId)],
);

export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The Cognito login behind the session (`origin_jti`, or `jti` where the issuer sets none). */
    loginId: text('login_id'),
    /** The login's Cognito refresh token, encrypted with a key derived from the session id. */
    refreshToken: text('refresh_token'),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_login_id_idx').on(t.loginId)],
);

/** Cognito logins signed out here: their access tokens are refused until they could have expired. */
export const revokedLogins = pgTable(
  'revoked_logins',
  {
    loginId: text('login_id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('revoked_logins_expires_at_idx').on(t.expiresAt)],
);

export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('outbox_unpublished_idx').on(t.createdAt).where(sql`${t.publishedAt} is null`)],
);

export const schema = {
  users,
  assessments,
  assessmentResponses,
  documents,
  sessions,
  revokedLogins,
  outbox,
};
