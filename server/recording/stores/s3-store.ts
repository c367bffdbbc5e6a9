import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingFrames, recordingObjectChunks } from '@/db/recording-schema';
import { isUuid } from '@/lib/uuid/is-uuid';
import type { EncodedKeyframe, SealedChunk } from '../format';
import { dropJournalRows, PostgresFrameJournal } from './postgres-frame-journal';
import type { ChunkInfo, KeyframeInfo, OpenChunk, RecordingStore, RecordingWriter } from './recording-store';
import type { LockTerms, S3Bucket } from './s3-bucket';

const pad = (seq: number) => String(seq).padStart(8, '0');
export const chunkObject = (seq: number) => `chunk-${pad(seq)}.phc`;
const KEYFRAMES = 'keyframes.bin';
const KEYFRAME_INDEX = 'keyframes.json';

type KeyframeEntry = { seq: number; t: number; offset: number; length: number };

/** The retention date and legal hold a recording's objects get (server/retention answers it). */
export type LockTermsOf = (recordingId: string) => Promise<LockTerms>;

/** Frames go to the database's journal (the live tail); each sealed chunk goes to the bucket. */
class S3Writer implements RecordingWriter {
  private readonly journal: PostgresFrameJournal;
  /** Objects upload side by side (each PUT is a round trip); their rows go in in order. */
  readonly chunksInFlight = 3;

  constructor(
    private readonly store: S3RecordingStore,
    recordingId: string,
    onError: (error: Error) => void,
  ) {
    this.journal = new PostgresFrameJournal(recordingId, onError);
  }

  append(seq: number, parts: Buffer[]): void {
    this.journal.append(seq, parts);
  }

  get backlog(): number {
    return this.journal.backlog;
  }

  flushed(): Promise<void> {
    return this.journal.flushed();
  }

  writeChunk(chunk: SealedChunk): Promise<void> {
    return this.journal.seal(chunk.seq, (dropRows, turn) => {
      // A PUT holds no pooled connection.
      turn.holding();
      return this.store.storeChunk(this.journal.recordingId, chunk, dropRows, turn.afterEarlierSeals);
    });
  }

  close(): Promise<void> {
    return this.journal.close();
  }
}

/**
 * Recordings in an S3 bucket (AWS S3, MinIO, Ceph RGW, Garage): sealed chunks and keyframes
 * are objects under `<prefix>/<recording id>/`; the live tail (frames of the chunk not sealed
 * yet) stays in the database's frame journal (PostgresFrameJournal, as the PostgreSQL store
 * keeps it), so a crash loses nothing relayed and any replica can recover it. Chunk headers are rows of recording_object_chunks: listing
 * never LISTs the bucket.
 */
export class S3RecordingStore implements RecordingStore {
  readonly kind = 's3' as const;
  private readonly keyframeIndexes = new Map<string, KeyframeEntry[]>();

  constructor(
    readonly bucket: S3Bucket,
    private readonly lockTermsOf: LockTermsOf,
  ) {}

  async create(recordingId: string, onError: (error: Error) => void): Promise<RecordingWriter> {
    if (!isUuid(recordingId)) throw new Error(`not a recording id: ${recordingId}`);
    // Fail before the session starts when Object Lock cannot be read (auto) or the database is down.
    await this.bucket.objectLockMode();
    await db().execute(sql`select 1`);
    return new S3Writer(this, recordingId, onError);
  }

  async listChunks(recordingId: string): Promise<ChunkInfo[]> {
    return db()
      .select({
        seq: recordingObjectChunks.seq,
        tStart: recordingObjectChunks.tStart,
        tEnd: recordingObjectChunks.tEnd,
        eventCount: recordingObjectChunks.eventCount,
        rawBytes: recordingObjectChunks.rawBytes,
        prevHash: recordingObjectChunks.prevHash,
        storedBytes: recordingObjectChunks.storedBytes,
      })
      .from(recordingObjectChunks)
      .where(eq(recordingObjectChunks.recordingId, recordingId))
      .orderBy(asc(recordingObjectChunks.seq));
  }

  readChunk(recordingId: string, seq: number): Promise<Buffer> {
    return this.bucket.get(this.bucket.key(recordingId, chunkObject(seq)));
  }

  /** Open frames of a chunk already in the bucket come back empty, so recovery drops them. */
  async readOpen(recordingId: string): Promise<OpenChunk[]> {
    const sealed = new Set((await this.listChunks(recordingId)).map((chunk) => chunk.seq));
    return (await PostgresFrameJournal.read(recordingId)).map((open) => (sealed.has(open.seq) ? { seq: open.seq, frames: Buffer.alloc(0) } : open));
  }

  /**
   * The object first, then its row together with dropping the chunk's journal rows (one
   * statement): a crash before leaves the frames, and recovery seals the same bytes again
   * over the same key.
   */
  async storeChunk(recordingId: string, chunk: SealedChunk, dropJournalRows: SQL, afterEarlierSeals?: () => Promise<void>): Promise<void> {
    await this.bucket.put(this.bucket.key(recordingId, chunkObject(chunk.seq)), chunk.bytes, await this.lock(recordingId));
    // An object without its row is never listed (recovery overwrites it): only rows keep the order.
    await afterEarlierSeals?.();
    await db().execute(sql`
      with dropped as (${dropJournalRows})
      insert into ${recordingObjectChunks} (recording_id, seq, t_start, t_end, event_count, raw_bytes, hash, prev_hash, stored_bytes)
      values (${recordingId}, ${chunk.seq}, ${chunk.tStart}, ${chunk.tEnd}, ${chunk.eventCount}, ${chunk.rawBytes}, ${chunk.hash}, ${chunk.prevHash}, ${chunk.bytes.length})
      on conflict (recording_id, seq) do update set t_start = excluded.t_start, t_end = excluded.t_end, event_count = excluded.event_count,
        raw_bytes = excluded.raw_bytes, hash = excluded.hash, prev_hash = excluded.prev_hash, stored_bytes = excluded.stored_bytes`);
  }

  writeRecoveredChunk(recordingId: string, chunk: SealedChunk): Promise<void> {
    return this.storeChunk(recordingId, chunk, dropJournalRows(recordingId, chunk.seq));
  }

  dropOpen(recordingId: string, seq: number): Promise<void> {
    return PostgresFrameJournal.drop(recordingId, seq);
  }

  moveOpen(recordingId: string, from: number, to: number): Promise<void> {
    return PostgresFrameJournal.move(recordingId, from, to);
  }

  async writeKeyframes(recordingId: string, keyframes: EncodedKeyframe[]): Promise<number> {
    let offset = 0;
    const index = keyframes.map((keyframe, seq) => {
      const entry = { seq, t: keyframe.t, offset, length: keyframe.bytes.length };
      offset += keyframe.bytes.length;
      return entry;
    });
    // Keyframes are rebuilt from the chunks by the indexer: not locked, replaced at will.
    await this.bucket.put(this.bucket.key(recordingId, KEYFRAMES), Buffer.concat(keyframes.map((k) => k.bytes)));
    await this.bucket.put(this.bucket.key(recordingId, KEYFRAME_INDEX), Buffer.from(JSON.stringify(index)));
    this.keyframeIndexes.delete(recordingId);
    return offset;
  }

  async listKeyframes(recordingId: string): Promise<KeyframeInfo[]> {
    return (await this.keyframeIndex(recordingId)).map(({ seq, t, length }) => ({ seq, t, storedBytes: length }));
  }

  async readKeyframe(recordingId: string, seq: number): Promise<Buffer> {
    const entry = (await this.keyframeIndex(recordingId))[seq];
    if (!entry) throw new Error(`no keyframe ${seq}`);
    return this.bucket.get(this.bucket.key(recordingId, KEYFRAMES), entry);
  }

  /** The live tails are in the shared database's journal, with the PostgreSQL store's. */
  listOpenRecordings(): Promise<string[]> {
    return PostgresFrameJournal.recordingIds();
  }

  /**
   * Objects first (the rows say nothing then), then the journal and the rows; a second run
   * finds nothing left. Sealed chunks the PostgreSQL store may hold for the same recording (a
   * migration's target) are not this store's and stay.
   */
  async deleteRecording(recordingId: string): Promise<void> {
    if (!isUuid(recordingId)) throw new Error(`not a recording id: ${recordingId}`);
    this.keyframeIndexes.delete(recordingId);
    await this.bucket.deleteFolder(recordingId);
    await db().transaction(async (tx) => {
      await tx.delete(recordingFrames).where(eq(recordingFrames.recordingId, recordingId));
      await tx.delete(recordingObjectChunks).where(eq(recordingObjectChunks.recordingId, recordingId));
    });
  }

  /** Sets or clears the legal hold on a recording's chunks; false when the bucket has no Object Lock. */
  async setLegalHold(recordingId: string, seqs: number[], isHeld: boolean): Promise<boolean> {
    if (!(await this.bucket.objectLockMode())) return false;
    for (const seq of seqs) await this.bucket.setLegalHold(this.bucket.key(recordingId, chunkObject(seq)), isHeld);
    return true;
  }

  /** Object Lock for a new chunk, when the bucket uses it. */
  async lock(recordingId: string) {
    const mode = await this.bucket.objectLockMode();
    return mode ? { mode, terms: await this.lockTermsOf(recordingId) } : undefined;
  }

  private async keyframeIndex(recordingId: string): Promise<KeyframeEntry[]> {
    const cached = this.keyframeIndexes.get(recordingId);
    if (cached) return cached;
    let index: KeyframeEntry[];
    try {
      index = JSON.parse((await this.bucket.get(this.bucket.key(recordingId, KEYFRAME_INDEX))).toString('utf8')) as KeyframeEntry[];
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return [];
      throw error;
    }
    if (this.keyframeIndexes.size > 200) this.keyframeIndexes.clear();
    this.keyframeIndexes.set(recordingId, index);
    return index;
  }
}
