import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { AuthUser } from '../../contract/auth';
import { builtOnce, type Database } from '../../platform/db/database';
import { revokedLogins, sessions, users } from '../../platform/db/tables';

const userColumns = {
  id: users.id,
  email: users.email,
  companyName: users.companyName,
  industry: users.industry,
};

/**
 * Creates the user, or links the existing row for the same e-mail to this Cognito identity. The
 * e-mail is the Cognito username, so a row with it belongs to this person: their Cognito user was
 * deleted and they signed up again. (Callers only pass a sub that has no row yet.)
 */
export async function upsertUser(
  db: Database,
  input: { cognitoSub: string; email: string; companyName: string; industry: string },
): Promise<AuthUser> {
  const [row] = await db
    .insert(users)
    .values(input)
    .onConflictDoUpdate({ target: users.email, set: { cognitoSub: input.cognitoSub } })
    .returning(userColumns);
  return row!;
}

export async function findUserBySub(db: Database, cognitoSub: string): Promise<AuthUser | undefined> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.cognitoSub, cognitoSub));
  return row;
}

export async function createSession(
  db: Database,
  idHash: string,
  userId: string,
  expiresAt: Date,
  login: { loginId?: string; refreshToken?: string } = {},
): Promise<void> {
  await db.insert(sessions).values({ idHash, userId, expiresAt, ...login });
}

const sessionUser = builtOnce((db: Database) =>
  db
    .select(userColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.idHash, sql.placeholder('idHash')), gt(sessions.expiresAt, sql.placeholder('now'))),
    ),
);

/** The user of a live session: every authenticated request asks, so the query is built once. */
export async function findSessionUser(
  db: Database,
  idHash: string,
  now: Date,
): Promise<AuthUser | undefined> {
  const [row] = await sessionUser(db).execute({ idHash, now: now.toISOString() });
  return row;
}

export async function deleteExpiredSessions(db: Database, userId: string, now: Date): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
}

/** Deletes the session and returns what logout needs from it. */
export async function takeSession(db: Database, idHash: string) {
  const [row] = await db
    .delete(sessions)
    .where(eq(sessions.idHash, idHash))
    .returning({ loginId: sessions.loginId, refreshToken: sessions.refreshToken });
  return row;
}

export async function deleteSessionsOfLogin(db: Database, loginId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.loginId, loginId));
}

/** Records signed-out logins until `expiresAt`, and forgets those whose tokens have all expired. */
export async function revokeLogins(db: Database, loginIds: string[], expiresAt: Date, now: Date) {
  await db
    .insert(revokedLogins)
    .values(loginIds.map((loginId) => ({ loginId, expiresAt })))
    .onConflictDoNothing();
  await db.delete(revokedLogins).where(lt(revokedLogins.expiresAt, now));
}

/** The user behind a token's `sub`, and whether the token's login has signed out, in one query. */
export async function findUserForLogin(
  db: Database,
  cognitoSub: string,
  loginId: string,
): Promise<(AuthUser & { signedOut: boolean }) | undefined> {
  const [row] = await db
    .select({
      ...userColumns,
      signedOut: sql<boolean>`exists (select 1 from ${revokedLogins} where ${revokedLogins.loginId} = ${loginId})`,
    })
    .from(users)
    .where(eq(users.cognitoSub, cognitoSub));
  return row;
}

/** Ends every session of the user with this e-mail (after a password reset). */
export async function deleteSessionsOfEmail(db: Database, email: string): Promise<void> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (user) await db.delete(sessions).where(eq(sessions.userId, user.id));
}

/** Ends the user's sessions except `keepHash` (the one that changed the password). */
export async function deleteOtherSessions(
  db: Database,
  userId: string,
  keepHash: string | undefined,
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      keepHash
        ? and(eq(sessions.userId, userId), ne(sessions.idHash, keepHash))
        : eq(sessions.userId, userId),
    );
}
