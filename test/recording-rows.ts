import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import type { ResourceType } from '@/lib/resources/resource-types';
import type { Actor } from '@/server/actor/actor';
import { iterateEvents } from '@/server/recording/read-events';

type RecordingRow = typeof recordings.$inferSelect;

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

/** The recording's row once the gateway has sealed it (its session ended), or a failure after ~5 s. */
export async function completedRecording(id: string): Promise<RecordingRow> {
  for (let i = 0; i < 200; i++) {
    const [row] = await db().select().from(recordings).where(eq(recordings.id, id));
    if (row?.status === 'complete') return row;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`recording ${id} never completed`);
}

/** A sealed recording's output and typed input, each as one latin1 string. */
export async function recordedStreams(id: string): Promise<{ output: string; input: string }> {
  const output: Buffer[] = [];
  const input: Buffer[] = [];
  for await (const event of iterateEvents(await completedRecording(id))) {
    if (event.kind === 'o') output.push(event.data);
    if (event.kind === 'i') input.push(event.data);
  }
  return { output: Buffer.concat(output).toString('latin1'), input: Buffer.concat(input).toString('latin1') };
}
