import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { db, dbDriver } from '@/db/client';
import { recordingChunks, recordingFrames, recordingKeyframes } from '@/db/recording-schema';
import type { EncodedKeyframe, SealedChunk } from '../format';
import { dropJournalRows, PostgresFrameJournal, type SealTurn } from './postgres-frame-journal';
import type { ChunkInfo, KeyframeInfo, OpenChunk, RecordingStore, RecordingWriter } from './recording-store';

/**
 * Stores a sealed chunk and drops its journal rows in one statement: atomic without a
 * transaction's extra round trips, so a chunk and its journal rows never both exist.
 */
async function insertChunk(recordingId: string, chunk: SealedChunk, dropJournalRows: SQL): Promise<void> {
  await db().execute(chunkInsert(recordingId, chunk, dropJournalRows));
}

function chunkInsert(recordingId: string, chunk: SealedChunk, dropJournalRows: SQL): SQL {
  return sql`
    with dropped as (${dropJournalRows})
    insert into ${recordingChunks} (recording_id, seq, t_start, t_end, event_count, raw_bytes, hash, prev_hash, data)
    values (${recordingId}, ${chunk.seq}, ${chunk.tStart}, ${chunk.tEnd}, ${chunk.eventCount}, ${chunk.rawBytes}, ${chunk.hash}, ${chunk.prevHash}, ${chunk.bytes})`;
}

/**
 * Chunks being stored at once by one recording, each in its own transaction on its own pooled
 * connection: a chunk insert is a round trip of several milliseconds, most of it waiting, so
 * one at a time capped a recording near 40 MB/s (bench:recording-store). Commits go in order.
 */
export const SEALS_IN_FLIGHT = 3;

/** The chunk's insert, committed only after every earlier chunk's: a crash leaves a prefix. */
async function insertChunkInOrder(recordingId: string, chunk: SealedChunk, dropJournalRows: SQL, turn: SealTurn): Promise<void> {
  await db().transaction(async (tx) => {
    turn.holding();
    await tx.execute(chunkInsert(recordingId, chunk, dropJournalRows));
    await turn.afterEarlierSeals();
  });
}

/**
 * Recordings in the database, for several replicas sharing one: frames go to a small journal
 * of compressed batches while their chunk is open (PostgresFrameJournal), and each sealed chunk
 * is written once (recording_chunks), dropping its journal rows.
 */
class PostgresWriter implements RecordingWriter {
  private readonly journal: PostgresFrameJournal;
  /** PGlite runs one statement at a time: overlapping seals would only queue there. */
  readonly chunksInFlight = dbDriver() === 'postgres' ? SEALS_IN_FLIGHT : 1;

  constructor(recordingId: string, onError: (error: Error) => void) {
    this.journal = new PostgresFrameJournal(recordingId, onError);
  }

  get backlog(): number {
    return this.journal.backlog;
  }

  append(seq: number, parts: Buffer[]): void {
    this.journal.append(seq, parts);
  }

  flushed(): Promise<void> {
    return this.journal.flushed();
  }

  writeChunk(chunk: SealedChunk): Promise<void> {
    const id = this.journal.recordingId;
    return this.journal.seal(chunk.seq, (dropRows, turn) =>
      this.chunksInFlight > 1 ? insertChunkInOrder(id, chunk, dropRows, turn) : insertChunk(id, chunk, dropRows),
    );
  }

  close(): Promise<void> {
    return this.journal.close();
  }
}

export class PostgresRecordingStore implements RecordingStore {
  readonly kind = 'postgres' as const;

  async create(recordingId: string, onError: (error: Error) => void): Promise<RecordingWriter> {
    // The database must answer before the session starts.
    await db().execute(sql`select 1`);
    return new PostgresWriter(recordingId, onError);
  }

  async listChunks(recordingId: string): Promise<ChunkInfo[]> {
    return db()
      .select({
        seq: recordingChunks.seq,
        tStart: recordingChunks.tStart,
        tEnd: recordingChunks.tEnd,
        eventCount: recordingChunks.eventCount,
        rawBytes: recordingChunks.rawBytes,
        prevHash: recordingChunks.prevHash,
        storedBytes: sql<number>`octet_length(${recordingChunks.data})`.mapWith(Number),
      })
      .from(recordingChunks)
      .where(eq(recordingChunks.recordingId, recordingId))
      .orderBy(asc(recordingChunks.seq));
  }

  async readChunk(recordingId: string, seq: number): Promise<Buffer> {
    const [row] = await db()
      .select({ data: recordingChunks.data })
      .from(recordingChunks)
      .where(and(eq(recordingChunks.recordingId, recordingId), eq(recordingChunks.seq, seq)));
    if (!row) throw new Error(`recording ${recordingId} has no chunk ${seq}`);
    return row.data;
  }

  async readOpen(recordingId: string): Promise<OpenChunk[]> {
    // A chunk's journal rows go in the statement that stores it: what is journaled is open.
    return PostgresFrameJournal.read(recordingId);
  }

  async writeRecoveredChunk(recordingId: string, chunk: SealedChunk): Promise<void> {
    await insertChunk(recordingId, chunk, dropJournalRows(recordingId, chunk.seq));
  }

  async dropOpen(recordingId: string, seq: number): Promise<void> {
    await PostgresFrameJournal.drop(recordingId, seq);
  }

  async moveOpen(recordingId: string, from: number, to: number): Promise<void> {
    await PostgresFrameJournal.move(recordingId, from, to);
  }

  async writeKeyframes(recordingId: string, keyframes: EncodedKeyframe[]): Promise<number> {
    await db().transaction(async (tx) => {
      await tx.delete(recordingKeyframes).where(eq(recordingKeyframes.recordingId, recordingId));
      for (let i = 0; i < keyframes.length; i += 50) {
        await tx.insert(recordingKeyframes).values(keyframes.slice(i, i + 50).map((k, j) => ({ recordingId, seq: i + j, t: k.t, data: k.bytes })));
      }
    });
    return keyframes.reduce((sum, k) => sum + k.bytes.length, 0);
  }

  async listKeyframes(recordingId: string): Promise<KeyframeInfo[]> {
    return db()
      .select({ seq: recordingKeyframes.seq, t: recordingKeyframes.t, storedBytes: sql<number>`octet_length(${recordingKeyframes.data})`.mapWith(Number) })
      .from(recordingKeyframes)
      .where(eq(recordingKeyframes.recordingId, recordingId))
      .orderBy(asc(recordingKeyframes.seq));
  }

  async readKeyframe(recordingId: string, seq: number): Promise<Buffer> {
    const [row] = await db()
      .select({ data: recordingKeyframes.data })
      .from(recordingKeyframes)
      .where(and(eq(recordingKeyframes.recordingId, recordingId), eq(recordingKeyframes.seq, seq)));
    if (!row) throw new Error(`no keyframe ${seq}`);
    return row.data;
  }

  async listOpenRecordings(): Promise<string[]> {
    return PostgresFrameJournal.recordingIds();
  }

  async deleteRecording(recordingId: string): Promise<void> {
    await db().transaction(async (tx) => {
      await tx.delete(recordingFrames).where(eq(recordingFrames.recordingId, recordingId));
      await tx.delete(recordingKeyframes).where(eq(recordingKeyframes.recordingId, recordingId));
      await tx.delete(recordingChunks).where(eq(recordingChunks.recordingId, recordingId));
    });
  }
}
