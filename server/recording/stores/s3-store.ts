import { asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingObjectChunks } from '@/db/recording-schema';
import { isUuid } from '@/lib/uuid/is-uuid';
import type { SealedChunk } from '../format';
import { PostgresRecordingStore } from './postgres-store';
import type { ChunkInfo, KeyframeInfo, OpenChunk, RecordingStore, RecordingWriter } from './recording-store';
import type { LockTerms, S3Bucket } from './s3-bucket';

const pad = (seq: number) => String(seq).padStart(8, '0');
export const chunkObject = (seq: number) => `chunk-${pad(seq)}.phc`;
const KEYFRAMES = 'keyframes.bin';
const KEYFRAME_INDEX = 'keyframes.json';

type KeyframeEntry = { seq: number; t: number; offset: number; length: number };

/** The retention date and legal hold a recording's objects get (server/retention answers it). */
export type LockTermsOf = (recordingId: string) => Promise<LockTerms>;

/** Writes through the database store (the live tail), and puts each sealed chunk in the bucket. */
class S3Writer implements RecordingWriter {
  constructor(
    private readonly store: S3RecordingStore,
    private readonly recordingId: string,
    private readonly tail: RecordingWriter,
  ) {}

  append(seq: number, parts: Buffer[]): void {
    this.tail.append(seq, parts);
  }

  get backlog(): number {
    return this.tail.backlog;
  }

  flushed(): Promise<void> {
    return this.tail.flushed();
  }

  async writeChunk(chunk: SealedChunk): Promise<void> {
    await this.store.writeRecoveredChunk(this.recordingId, chunk, this.tail);
  }

  close(): Promise<void> {
    return this.tail.close();
  }
}

/**
 * Recordings in an S3 bucket (AWS S3, MinIO, Ceph RGW, Garage): sealed chunks and keyframes
 * are objects under `<prefix>/<recording id>/`; the live tail (frames of the chunk not sealed
 * yet) stays in the database through the PostgreSQL store, so a crash loses nothing relayed
 * and any replica can recover it. Chunk headers are rows of recording_object_chunks: listing
 * never LISTs the bucket.
 */
export class S3RecordingStore implements RecordingStore {
  readonly kind = 's3' as const;
  private readonly tail = new PostgresRecordingStore();
  private readonly keyframeIndexes = new Map<string, KeyframeEntry[]>();

  constructor(
    readonly bucket: S3Bucket,
    private readonly lockTermsOf: LockTermsOf,
  ) {}

  async create(recordingId: string, onError: (error: Error) => void): Promise<RecordingWriter> {
    if (!isUuid(recordingId)) throw new Error(`not a recording id: ${recordingId}`);
    // Fail before the session starts when Object Lock cannot be read (auto) or the database is down.
    await this.bucket.objectLockMode();
    return new S3Writer(this, recordingId, await this.tail.create(recordingId, onError));
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
    return (await this.tail.readOpen(recordingId)).map((open) => (sealed.has(open.seq) ? { seq: open.seq, frames: Buffer.alloc(0) } : open));
  }

  /**
   * The object first, then its row, then the open frames go: a crash in between leaves the
   * frames, and recovery seals the same bytes again over the same key.
   */
  async writeRecoveredChunk(recordingId: string, chunk: SealedChunk, tail?: RecordingWriter): Promise<void> {
    await this.bucket.put(this.bucket.key(recordingId, chunkObject(chunk.seq)), chunk.bytes, await this.lock(recordingId));
    const row = {
      recordingId,
      seq: chunk.seq,
      tStart: chunk.tStart,
      tEnd: chunk.tEnd,
      eventCount: chunk.eventCount,
      rawBytes: chunk.rawBytes,
      hash: chunk.hash,
      prevHash: chunk.prevHash,
      storedBytes: chunk.bytes.length,
    };
    await db()
      .insert(recordingObjectChunks)
      .values(row)
      .onConflictDoUpdate({ target: [recordingObjectChunks.recordingId, recordingObjectChunks.seq], set: row });
    // Frames of this chunk still queued in the writer must land before they are dropped.
    await tail?.flushed();
    await this.tail.dropOpen(recordingId, chunk.seq);
  }

  dropOpen(recordingId: string, seq: number): Promise<void> {
    return this.tail.dropOpen(recordingId, seq);
  }

  async writeKeyframes(recordingId: string, keyframes: { t: number; bytes: Buffer }[]): Promise<number> {
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

  /** The live tails are in the shared database, with the PostgreSQL store's. */
  listOpenRecordings(): Promise<string[]> {
    return this.tail.listOpenRecordings();
  }

  /**
   * Objects first (the rows say nothing then), then the open frames and rows; a second run
   * finds nothing left. Only the tail's open frames go: sealed chunks the PostgreSQL store
   * holds for the same recording (a migration's target) are not this store's.
   */
  async deleteRecording(recordingId: string): Promise<void> {
    if (!isUuid(recordingId)) throw new Error(`not a recording id: ${recordingId}`);
    this.keyframeIndexes.delete(recordingId);
    await this.bucket.deleteFolder(recordingId);
    for (const open of await this.tail.readOpen(recordingId)) await this.tail.dropOpen(recordingId, open.seq);
    await db().delete(recordingObjectChunks).where(eq(recordingObjectChunks.recordingId, recordingId));
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
