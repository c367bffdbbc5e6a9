import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { resources, type Resource } from '@/db/schema';
import { AppError } from '../errors/app-error';
import { invalidatedCache } from '../events/invalidated-cache';
import { isUuid } from '@/lib/uuid/is-uuid';

export async function findResource(id: string): Promise<Resource | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db().select().from(resources).where(eq(resources.id, id));
  return row;
}

/**
 * Resources as the HTTP proxy reads them, once per request: kept a few seconds, dropped on
 * every replica when a resource is updated or deleted (update-resource.ts, delete-resource.ts,
 * confirm-host-key.ts publish the invalidation). Unknown ids are not kept.
 */
const resourceRows = () => invalidatedCache<Resource>('resources', { scope: 'resources', ttlMs: 5_000, maxEntries: 1_000 });

export async function findResourceCached(id: string): Promise<Resource | undefined> {
  const cached = resourceRows().get(id);
  if (cached) return cached;
  const generation = resourceRows().generation();
  const row = await findResource(id);
  if (row) resourceRows().storeIfCurrent(generation, id, row);
  return row;
}

export async function requireResource(id: string): Promise<Resource> {
  const row = await findResource(id);
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'No such resource.' });
  return row;
}
