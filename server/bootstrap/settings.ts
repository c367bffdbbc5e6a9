import { eq } from 'drizzle-orm';
import { db, type Db } from '@/db/client';
import { settings } from '@/db/schema';

export async function readSetting<T>(key: string, tx: Pick<Db, 'select'> = db()): Promise<T | undefined> {
  const [row] = await tx.select().from(settings).where(eq(settings.key, key));
  return row?.value as T | undefined;
}

export async function writeSetting(key: string, value: unknown, tx: Pick<Db, 'insert'> = db()): Promise<void> {
  await tx
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

export async function deleteSetting(key: string, tx: Pick<Db, 'delete'> = db()): Promise<void> {
  await tx.delete(settings).where(eq(settings.key, key));
}
