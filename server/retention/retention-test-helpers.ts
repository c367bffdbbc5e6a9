import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordings, type RecordingStoreKind } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { FORMAT_VERSION } from '../recording/format';
import { RecordingLog } from '../recording/recording-log';
import { statsColumns } from '../recording/recorder';
import { recordingStore } from '../recording/stores/select-store';

/** A sealed recording of a few lines, ended `endedDaysAgo` days ago, in the given store. */
export async function sealedRecording({
  userId,
  resource,
  store = 'file',
  endedDaysAgo = 0,
}: {
  userId: string;
  resource?: { id: string; name: string };
  store?: RecordingStoreKind;
  endedDaysAgo?: number;
}) {
  const endedAt = sql`now() - make_interval(days => ${endedDaysAgo}::int)`;
  const [session] = await db()
    .insert(sessions)
    .values({
      userId,
      resourceId: resource?.id ?? null,
      resourceName: resource?.name ?? 'host',
      resourceType: 'ssh',
      status: 'ended',
      startedAt: endedAt,
      endedAt,
    })
    .returning();
  const id = session!.id;
  await db().insert(recordings).values({ id, userId, store, formatVersion: FORMAT_VERSION, cols: 80, rows: 24, startedAt: endedAt });
  const writer = await recordingStore(store).create(id, () => undefined);
  let now = 0;
  const log = new RecordingLog({
    recordingId: id,
    writer,
    clock: () => now,
    chunkBytes: 4096,
    onError: (error) => {
      throw error;
    },
  });
  for (let i = 0; i < 50; i++) {
    now = i / 10;
    log.append('o', Buffer.from(`line ${i}\r\n`));
  }
  const stats = await log.finish();
  await writer.close();
  await db()
    .update(recordings)
    .set({ ...statsColumns(stats), status: 'complete', endedAt })
    .where(sql`${recordings.id} = ${id}`);
  return id;
}
