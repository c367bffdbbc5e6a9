import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { resources, type Resource } from '@/db/schema';
import { AppError } from '../errors/app-error';
import { isUuid } from '@/lib/uuid/is-uuid';

export async function findResource(id: string): Promise<Resource | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db().select().from(resources).where(eq(resources.id, id));
  return row;
}

export async function requireResource(id: string): Promise<Resource> {
  const row = await findResource(id);
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'No such resource.' });
  return row;
}
