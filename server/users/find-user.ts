import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users, type User } from '@/db/schema';
import { isUuid } from '@/lib/uuid/is-uuid';

export async function findUserById(id: string): Promise<User | undefined> {
  if (!isUuid(id)) return undefined;
  const [user] = await db().select().from(users).where(eq(users.id, id));
  return user;
}

export async function findUserByEmail(email: string): Promise<User | undefined> {
  const [user] = await db()
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return user;
}

export async function countUsers(): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(users);
  return row?.n ?? 0;
}
