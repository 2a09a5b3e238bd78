import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import { sessions, users } from '../../platform/db/schema';

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
