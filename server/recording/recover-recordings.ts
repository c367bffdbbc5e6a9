import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordings, type Recording } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { decodeChunk, decodeFrames, genesisHash, sealChunkSync, sha256 } from './format';
import { scheduleIndexing } from './index-queue';
import { activeRecordingIds, statsColumns } from './recorder';
import type { RecordingStats } from './recording-log';
import { signSealedRecording } from './signing/sign-recording';
import { recordingStore } from './stores/select-store';
import { log } from '../log/logger';

// Honest for every store: the file store loses at most its unflushed writes, the PostgreSQL and
// S3 stores what waited in memory for the journal or a seal (bounded by the recorder's backlog).
export const INTERRUPTED_MESSAGE = 'Porthole stopped while the session was open; the recording keeps everything written before that moment.';

/**
 * Closes a recording whose writer died: seals the chunks it left open (their frames were
 * appended as they came, so nothing already relayed is lost), recounts, and marks it
 * interrupted. Safe to run twice.
 */
export async function recoverRecording(recording: Recording): Promise<RecordingStats> {
  const store = recordingStore(recording.store);
  const chunks = await store.listChunks(recording.id);
  const last = chunks[chunks.length - 1];
  let prevHash = last ? sha256(await store.readChunk(recording.id, last.seq)) : genesisHash(recording.id);
  let nextSeq = last ? last.seq + 1 : 0;
  for (const open of await store.readOpen(recording.id)) {
    const { events, usedBytes } = decodeFrames(open.frames);
    if (open.seq < nextSeq || events.length === 0) {
      await store.dropOpen(recording.id, open.seq);
      continue;
    }
    // Chunks still in the dead writer's memory are lost; the chain goes on without a gap.
    if (open.seq > nextSeq) await store.moveOpen(recording.id, open.seq, nextSeq);
    const sealed = sealChunkSync(
      { seq: nextSeq, eventCount: events.length, rawBytes: usedBytes, tStart: events[0]!.t, tEnd: events[events.length - 1]!.t, prevHash },
      open.frames.subarray(0, usedBytes),
    );
    await store.writeRecoveredChunk(recording.id, sealed);
    prevHash = sealed.hash;
    nextSeq += 1;
  }

  const stats: RecordingStats = { duration: 0, outputBytes: 0, inputBytes: 0, eventCount: 0, chunkCount: 0, storedBytes: 0, headHash: null };
  for (const chunk of await store.listChunks(recording.id)) {
    const bytes = await store.readChunk(recording.id, chunk.seq);
    const { header, events } = decodeChunk(bytes);
    stats.chunkCount += 1;
    stats.storedBytes += bytes.length;
    stats.eventCount += events.length;
    stats.duration = Math.max(stats.duration, header.tEnd);
    stats.headHash = sha256(bytes);
    for (const event of events) {
      if (event.kind === 'o') stats.outputBytes += event.data.length;
      else if (event.kind === 'i') stats.inputBytes += event.data.length;
    }
  }
  const isOpen = recording.status === 'recording';
  await db()
    .update(recordings)
    .set({
      ...statsColumns(stats),
      ...(isOpen ? { status: 'interrupted' as const, message: INTERRUPTED_MESSAGE, endedAt: sql`coalesce(${recordings.endedAt}, now())` } : {}),
      indexState: 'pending',
    })
    .where(eq(recordings.id, recording.id));
  // Signed as recovered: the signature covers what survived, not what the crash lost.
  await signSealedRecording(recording.id);
  return stats;
}

/** Sessions this node was relaying when it died: with the file store nobody else can be. */
async function interruptSessions(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db()
    .update(sessions)
    .set({
      status: 'interrupted',
      endedAt: sql`coalesce(${sessions.heartbeatAt}, now())`,
      endReason: 'error',
      endMessage: 'Porthole stopped while the session was open.',
    })
    .where(and(inArray(sessions.id, ids), eq(sessions.status, 'active')));
}

async function recoverAll(rows: Recording[]): Promise<string[]> {
  const recovered: string[] = [];
  for (const row of rows) {
    try {
      await recoverRecording(row);
      recovered.push(row.id);
      void scheduleIndexing(row.id);
    } catch (error) {
      log().error({ recordingId: row.id, err: error }, 'recovery failed');
    }
  }
  return recovered;
}

/**
 * At start-up: file-store recordings left open belong to this node's previous run, so they
 * and their sessions are closed at once. Recordings in PostgreSQL may belong to a live
 * replica: they are closed once their session is no longer active (a stale heartbeat).
 */
export async function recoverRecordingsAtStartup(): Promise<number> {
  const fileRows = await db()
    .select()
    .from(recordings)
    .where(and(eq(recordings.status, 'recording'), eq(recordings.store, 'file')));
  const live = activeRecordingIds();
  const recovered = await recoverAll(fileRows.filter((row) => !live.has(row.id)));
  await interruptSessions(recovered);
  return recovered.length + (await sweepOrphanedRecordings());
}

/**
 * Closes recordings whose session ended without closing them: its gateway died, and the
 * gateway's stale-session sweep (interruptStaleSessions) marked the session interrupted.
 */
export async function sweepOrphanedRecordings(): Promise<number> {
  const rows = await db()
    .select({ recording: recordings })
    .from(recordings)
    .innerJoin(sessions, eq(sessions.id, recordings.id))
    // A writer finishing right now is not an orphan: leave recently ended sessions alone.
    .where(and(eq(recordings.status, 'recording'), ne(sessions.status, 'active'), sql`coalesce(${sessions.endedAt}, now()) < now() - interval '2 minutes'`));
  const live = activeRecordingIds();
  return (await recoverAll(rows.map((row) => row.recording).filter((row) => !live.has(row.id)))).length;
}
