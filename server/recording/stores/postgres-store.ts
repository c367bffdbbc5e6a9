import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingChunks, recordingFrames, recordingKeyframes } from '@/db/recording-schema';
import type { SealedChunk } from '../format';
import type { ChunkInfo, KeyframeInfo, OpenChunk, RecordingStore, RecordingWriter } from './recording-store';

/** Frames are written in batches at most this far apart… */
const FLUSH_DELAY_MS = 15;
/** …or sooner once this many bytes wait. */
const FLUSH_BYTES = 256 * 1024;

/**
 * Recordings in the database, for several replicas sharing one: frames are inserted in small
 * batches as they come (recording_frames) and replaced by their sealed chunk
 * (recording_chunks). Every statement of a writer runs in order on one queue.
 */
class PostgresWriter implements RecordingWriter {
  backlog = 0;
  private pending: { seq: number; frames: Buffer[]; bytes: number } | undefined;
  private queue: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private batch = 0;
  private failure: Error | undefined;

  constructor(
    private readonly recordingId: string,
    private readonly onError: (error: Error) => void,
  ) {}

  append(seq: number, parts: Buffer[]): void {
    if (this.failure) throw this.failure;
    const frames = Buffer.concat(parts);
    if (this.pending && this.pending.seq !== seq) this.flush();
    this.pending ??= { seq, frames: [], bytes: 0 };
    this.pending.frames.push(frames);
    this.pending.bytes += frames.length;
    this.backlog += frames.length;
    if (this.pending.bytes >= FLUSH_BYTES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_DELAY_MS);
  }

  async flushed(): Promise<void> {
    this.flush();
    await this.queue;
    if (this.failure) throw this.failure;
  }

  async writeChunk(chunk: SealedChunk): Promise<void> {
    // The chunk carries these frames: no need to insert them first.
    if (this.pending?.seq === chunk.seq) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.backlog -= this.pending.bytes;
      this.pending = undefined;
    }
    await this.run(async () => {
      await db().transaction(async (tx) => {
        await tx.insert(recordingChunks).values({
          recordingId: this.recordingId,
          seq: chunk.seq,
          tStart: chunk.tStart,
          tEnd: chunk.tEnd,
          eventCount: chunk.eventCount,
          rawBytes: chunk.rawBytes,
          hash: chunk.hash,
          prevHash: chunk.prevHash,
          data: chunk.bytes,
        });
        await tx.delete(recordingFrames).where(and(eq(recordingFrames.recordingId, this.recordingId), eq(recordingFrames.chunkSeq, chunk.seq)));
      });
    });
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await this.flushed().catch(() => undefined);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    const batch = this.batch++;
    void this.run(async () => {
      await db()
        .insert(recordingFrames)
        .values({ recordingId: this.recordingId, chunkSeq: pending.seq, batch, data: Buffer.concat(pending.frames, pending.bytes) });
      this.backlog -= pending.bytes;
    });
  }

  private run(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(async () => {
      if (this.failure) return;
      try {
        await task();
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
        this.onError(this.failure);
      }
    });
    return this.queue;
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
    const rows = await db()
      .select({ seq: recordingFrames.chunkSeq, data: recordingFrames.data })
      .from(recordingFrames)
      .where(
        and(
          eq(recordingFrames.recordingId, recordingId),
          sql`not exists (select 1 from ${recordingChunks} c where c.recording_id = ${recordingFrames.recordingId} and c.seq = ${recordingFrames.chunkSeq})`,
        ),
      )
      .orderBy(asc(recordingFrames.chunkSeq), asc(recordingFrames.batch));
    const open: OpenChunk[] = [];
    for (const row of rows) {
      const last = open[open.length - 1];
      if (last?.seq === row.seq) last.frames = Buffer.concat([last.frames, row.data]);
      else open.push({ seq: row.seq, frames: row.data });
    }
    return open;
  }

  async writeRecoveredChunk(recordingId: string, chunk: SealedChunk): Promise<void> {
    const writer = new PostgresWriter(recordingId, () => undefined);
    await writer.writeChunk(chunk);
  }

  async dropOpen(recordingId: string, seq: number): Promise<void> {
    await db()
      .delete(recordingFrames)
      .where(and(eq(recordingFrames.recordingId, recordingId), eq(recordingFrames.chunkSeq, seq)));
  }

  async writeKeyframes(recordingId: string, keyframes: { t: number; bytes: Buffer }[]): Promise<number> {
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
    const rows = await db().selectDistinct({ id: recordingFrames.recordingId }).from(recordingFrames);
    return rows.map((row) => row.id);
  }

  async deleteRecording(recordingId: string): Promise<void> {
    await db().transaction(async (tx) => {
      await tx.delete(recordingFrames).where(eq(recordingFrames.recordingId, recordingId));
      await tx.delete(recordingKeyframes).where(eq(recordingKeyframes.recordingId, recordingId));
      await tx.delete(recordingChunks).where(eq(recordingChunks.recordingId, recordingId));
    });
  }
}
