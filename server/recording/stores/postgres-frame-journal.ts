import zlib from 'node:zlib';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingFrames } from '@/db/recording-schema';
import { compressFrames } from '../format';
import type { OpenChunk } from './recording-store';

/** Frames of the open chunk wait at most this long in memory before they go to the journal… */
export const JOURNAL_FLUSH_MS = 50;
/** …or until this many of them wait (more than a chunk: only reached with bigger chunks). */
export const JOURNAL_FLUSH_BYTES = 1024 * 1024;
/** Smaller batches (keystrokes and their echoes) are stored as they are: brotli gains nothing there. */
const COMPRESS_MIN_BYTES = 1024;

type Pending = { seq: number; parts: Buffer[]; bytes: number };

/** A seal's place among the seals of its recording (PostgresFrameJournal.seal). */
export type SealTurn = { holding: () => void; afterEarlierSeals: () => Promise<void> };

/** One journal row's bytes: compressed with the chunks' codec when that makes them smaller. */
async function encodeBatch(frames: Buffer): Promise<{ data: Buffer; compressed: boolean }> {
  if (frames.length < COMPRESS_MIN_BYTES) return { data: frames, compressed: false };
  const { body } = await compressFrames(frames);
  return body.length < frames.length ? { data: body, compressed: true } : { data: frames, compressed: false };
}

/**
 * The live tail of a recording in PostgreSQL (`recording_frames`): frames not yet in a sealed
 * chunk, for crash recovery and for watching a live recording. Frames of the open chunk go to
 * the journal in batches (many frames, one row, compressed like a chunk) at most
 * JOURNAL_FLUSH_MS after the first of them came. Once a later chunk opens, the frames still
 * waiting belong to a chunk being sealed: they wait for the seal, which stores them once, in
 * the chunk; bulk output (a chunk filled in less than JOURNAL_FLUSH_MS) never reaches the
 * journal. Sealing stores the chunk and drops its journal rows.
 *
 * A process crash loses what waited in memory, which `backlog` reports: the recorder pauses
 * output while it grows (MAX_BACKLOG_BYTES). Journal inserts run on a queue, in order; seals
 * may overlap (RecordingWriter.chunksInFlight) but their chunks become visible in order, and a
 * seal waits for the journal rows of its own chunk, never for later ones. Any store
 * whose sealed chunks live elsewhere (object storage) can keep its live tail here.
 */
export class PostgresFrameJournal {
  /** Bytes accepted by append() that are neither journaled nor handed to a seal yet. */
  backlog = 0;
  private readonly pending = new Map<number, Pending>();
  /** The chunk frames were last appended to: later chunks are open, earlier ones being sealed. */
  private openSeq = -1;
  private journalQueue: Promise<void> = Promise.resolve();
  private sealQueue: Promise<void> = Promise.resolve();
  /** The last seal holds what it stores with (its connection), or gave up. */
  private sealHolding: Promise<void> = Promise.resolve();
  /** The last journal insert holding rows of a chunk: its seal waits for it. */
  private readonly journaled = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private batch = 0;
  private failure: Error | undefined;

  constructor(
    readonly recordingId: string,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Frames of chunk `seq`, in order. The parts may be views of a reused buffer: they are copied. */
  append(seq: number, parts: Buffer[]): void {
    if (this.failure) throw this.failure;
    const frames = Buffer.concat(parts);
    let pending = this.pending.get(seq);
    if (!pending) this.pending.set(seq, (pending = { seq, parts: [], bytes: 0 }));
    if (seq !== this.openSeq) {
      // The chunk before is complete: what waits of it goes with its seal, not on this clock.
      this.openSeq = seq;
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    pending.parts.push(frames);
    pending.bytes += frames.length;
    this.backlog += frames.length;
    if (pending.bytes >= JOURNAL_FLUSH_BYTES) this.flush([seq]);
    else this.timer ??= setTimeout(() => this.flush([this.openSeq]), JOURNAL_FLUSH_MS);
  }

  /** Resolves once everything appended is journaled or sealed; rejects with the write error. */
  async flushed(): Promise<void> {
    this.flush([...this.pending.keys()]);
    await Promise.all([this.journalQueue, this.sealQueue]);
    if (this.failure) throw this.failure;
  }

  /**
   * Chunk `seq` is sealed: its frames waiting in memory are dropped (the chunk holds them), and
   * `storeChunk` runs once the chunk's journal rows are in. It gets the statement that drops
   * those rows, to run with the statement that stores the chunk (PostgreSQL), or after the
   * chunk is safely elsewhere (object storage); and a turn: `holding()` once it holds what it
   * stores with (a pooled connection), `afterEarlierSeals()` awaited before its chunk becomes
   * visible (a commit, a row). Seals may overlap; chunks appear in order.
   */
  async seal(seq: number, storeChunk: (dropRows: SQL, turn: SealTurn) => Promise<void>): Promise<void> {
    const pending = this.pending.get(seq);
    if (pending) {
      this.pending.delete(seq);
      this.backlog -= pending.bytes;
    }
    const journaled = this.journaled.get(seq);
    this.journaled.delete(seq);
    const [earlierStored, earlierHolding] = [this.sealQueue, this.sealHolding];
    let holding = () => undefined as void;
    this.sealHolding = new Promise<void>((resolve) => (holding = resolve));
    const turn: SealTurn = {
      holding,
      afterEarlierSeals: async () => {
        await earlierStored;
        // A chunk cannot be stored without the one before it: its statement is rolled back.
        if (this.failure) throw this.failure;
      },
    };
    const stored = (async () => {
      try {
        await journaled;
        // A seal holding a pooled connection waits only for seals that hold one already.
        await earlierHolding;
        if (!this.failure) await storeChunk(dropJournalRows(this.recordingId, seq), turn);
      } catch (error) {
        this.report(error);
      } finally {
        holding();
      }
    })();
    this.sealQueue = Promise.all([earlierStored, stored]).then(() => undefined);
    await this.sealQueue;
    if (this.failure) throw this.failure;
  }

  /** Journals what waits and stops; a write error was reported through onError already. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flushed().catch(() => undefined);
  }

  /** Moves what waits of these chunks to the journal: one insert, one row per chunk. */
  private flush(seqs: number[]): void {
    if (seqs.includes(this.openSeq)) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const batches = seqs.flatMap((seq) => {
      const pending = this.pending.get(seq);
      this.pending.delete(seq);
      return pending ? [{ seq, frames: Buffer.concat(pending.parts, pending.bytes) }] : [];
    });
    if (batches.length === 0) return;
    // Compression starts now on the thread pool; the insert waits its turn on the queue.
    const encoded = Promise.all(batches.map((b) => encodeBatch(b.frames)));
    encoded.catch(() => undefined);
    const first = this.batch;
    this.batch += batches.length;
    this.journalQueue = this.inOrder(this.journalQueue, async () => {
      const rows = (await encoded).map(({ data, compressed }, i) => ({
        recordingId: this.recordingId,
        chunkSeq: batches[i]!.seq,
        batch: first + i,
        data,
        compressed,
      }));
      await db().insert(recordingFrames).values(rows);
      for (const b of batches) this.backlog -= b.frames.length;
    });
    for (const b of batches) this.journaled.set(b.seq, this.journalQueue);
  }

  /** Runs `task` after `queue`; a failure stops every later task and is reported once. */
  private inOrder(queue: Promise<void>, task: () => Promise<void>): Promise<void> {
    return queue.then(async () => {
      if (this.failure) return;
      try {
        await task();
      } catch (error) {
        this.report(error);
      }
    });
  }

  /** The first write error stops every later write and is reported once. */
  private report(error: unknown): void {
    if (this.failure) return;
    this.failure = error instanceof Error ? error : new Error(String(error));
    this.onError(this.failure);
  }

  /** The journaled frames of a recording, by chunk, oldest first (including chunks sealed since, if a drop was lost). */
  static async read(recordingId: string): Promise<OpenChunk[]> {
    const rows = await db()
      .select({ seq: recordingFrames.chunkSeq, data: recordingFrames.data, compressed: recordingFrames.compressed })
      .from(recordingFrames)
      .where(eq(recordingFrames.recordingId, recordingId))
      .orderBy(asc(recordingFrames.chunkSeq), asc(recordingFrames.batch));
    const open: { seq: number; parts: Buffer[] }[] = [];
    for (const row of rows) {
      const frames = row.compressed ? zlib.brotliDecompressSync(row.data) : row.data;
      const last = open[open.length - 1];
      if (last?.seq === row.seq) last.parts.push(frames);
      else open.push({ seq: row.seq, parts: [frames] });
    }
    return open.map(({ seq, parts }) => ({ seq, frames: parts.length === 1 ? parts[0]! : Buffer.concat(parts) }));
  }

  /** Forgets the journaled frames of one chunk (recovery found it sealed, or sealed it). */
  static async drop(recordingId: string, seq: number): Promise<void> {
    await db().execute(dropJournalRows(recordingId, seq));
  }

  /** Gives the journaled frames of chunk `from` to chunk `to` (recovery closes a gap). */
  static async move(recordingId: string, from: number, to: number): Promise<void> {
    await db()
      .update(recordingFrames)
      .set({ chunkSeq: to })
      .where(and(eq(recordingFrames.recordingId, recordingId), eq(recordingFrames.chunkSeq, from)));
  }

  /** Recordings with journaled frames: their writer is live, or died before sealing. */
  static async recordingIds(): Promise<string[]> {
    const rows = await db().selectDistinct({ id: recordingFrames.recordingId }).from(recordingFrames);
    return rows.map((row) => row.id);
  }
}

/** The statement that forgets the journaled frames of one chunk. */
export function dropJournalRows(recordingId: string, seq: number): SQL {
  // Raw, so a caller can put it in a WITH clause beside the chunk's insert.
  return sql`delete from ${recordingFrames} where ${and(eq(recordingFrames.recordingId, recordingId), eq(recordingFrames.chunkSeq, seq))}`;
}
