import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import type { ResourceType } from '@/lib/resources/resource-types';
import type { Actor } from '@/server/actor/actor';

/**
 * A sealed recording's rows (session + recording, no events): enough for what links to a
 * recording (notes, snippets) without running a terminal.
 */
export async function makeRecordingRow(
  actor: Actor,
  resource: { id: string; name: string; type: ResourceType },
  { duration = 60, startedAt = new Date() }: { duration?: number; startedAt?: Date } = {},
): Promise<string> {
  const [session] = await db()
    .insert(sessions)
    .values({ userId: actor.id, resourceId: resource.id, resourceName: resource.name, resourceType: resource.type, status: 'ended' })
    .returning();
  await db()
    .insert(recordings)
    .values({ id: session!.id, userId: actor.id, store: 'file', formatVersion: 1, status: 'complete', cols: 80, rows: 24, duration, startedAt });
  return session!.id;
}
