import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { sessions, users, type Session, type User } from '@/db/schema';
import { canSeeAll, type Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { isUuid } from '@/lib/uuid/is-uuid';

export async function findSession(id: string): Promise<{ session: Session; user: User } | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db().select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, id));
  return row;
}

/** The owner, admins and auditors see a session; to anyone else it does not exist. */
export async function requireVisibleSession(actor: Actor, id: string): Promise<{ session: Session; user: User }> {
  const row = await findSession(id);
  if (!row || (row.session.userId !== actor.id && !canSeeAll(actor))) throw new AppError('NOT_FOUND', { userMessage: 'No such session.' });
  return row;
}
