import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { sessions, type ResourceType } from '@/db/schema';
import type { EventKind } from '@/server/recording/format';
import { indexRecording } from '@/server/recording/index-recording';
import { statsColumns } from '@/server/recording/recorder';
import { RecordingLog } from '@/server/recording/recording-log';
import { recordingStore } from '@/server/recording/stores/select-store';

export type SyntheticEvent = [t: number, kind: EventKind, data: string | Buffer];

export type SyntheticRecording = {
  userId: string;
  events: SyntheticEvent[];
  resourceId?: string | null;
  resourceName?: string;
  resourceType?: ResourceType;
  startedAt?: Date;
  cols?: number;
  rows?: number;
  /** Leave it as recorded (not indexed), as recordings sealed before search existed. */
  skipIndex?: boolean;
};

/**
 * A sealed recording of these events (already masked, as the gateway records them), written
 * through the recorder's log and the configured store, then indexed by the index job's own
 * code: what tests and the search benchmark search, without a live session.
 */
export async function recordSynthetic(options: SyntheticRecording): Promise<string> {
  const id = randomUUID();
  const cols = options.cols ?? 100;
  const rows = options.rows ?? 30;
  const startedAt = options.startedAt ?? new Date();
  const store = recordingStore();
  await db()
    .insert(sessions)
    .values({
      id,
      userId: options.userId,
      resourceId: options.resourceId ?? null,
      resourceName: options.resourceName ?? 'synthetic-host',
      resourceType: options.resourceType ?? 'ssh',
      status: 'ended',
      startedAt,
      endedAt: startedAt,
    });
  await db().insert(recordings).values({ id, userId: options.userId, store: store.kind, formatVersion: 1, cols, rows, startedAt });
  let failure: Error | undefined;
  const onError = (error: Error) => (failure ??= error);
  const writer = await store.create(id, onError);
  let now = 0;
  const log = new RecordingLog({ recordingId: id, writer, clock: () => now, onError });
  for (const [t, kind, data] of options.events) {
    now = t;
    log.append(kind, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'));
  }
  const stats = await log.finish();
  if (failure) throw failure;
  await db()
    .update(recordings)
    .set({ ...statsColumns(stats), status: 'complete', endedAt: new Date(startedAt.getTime() + stats.duration * 1000) })
    .where(eq(recordings.id, id));
  if (!options.skipIndex) await indexRecording(id);
  return id;
}
