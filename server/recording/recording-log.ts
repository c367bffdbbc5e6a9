import { assembleChunk, compressFrames, frameHeader, genesisHash, type EventKind, type SealedChunk } from './format';
import type { RecordingWriter } from './stores/recording-store';

/** A chunk is sealed once it holds this many frame bytes… */
export const CHUNK_BYTES = 512 * 1024;
/** …or once its first event is this old. */
export const CHUNK_SECONDS = 30;
/** Unsealed or not-yet-durable bytes past which the session's output is paused. */
export const MAX_BACKLOG_BYTES = 8 * 1024 * 1024;

export type RecordingStats = {
  duration: number;
  outputBytes: number;
  inputBytes: number;
  eventCount: number;
  chunkCount: number;
  storedBytes: number;
  headHash: string | null;
};

export type RecordingLogOptions = {
  recordingId: string;
  writer: RecordingWriter;
  /** Seconds since the recording started; monotonic. Defaults to the process's hrtime. */
  clock?: () => number;
  chunkBytes?: number;
  chunkSeconds?: number;
  maxBacklogBytes?: number;
  /** The store fell behind (true) or caught up (false): pause or resume the source. */
  onBehind?: (isBehind: boolean) => void;
  onSealed?: (chunk: SealedChunk, stats: RecordingStats) => void;
  /** A write failed after append() returned (sealing, an asynchronous store). */
  onError: (error: Error) => void;
  /**
   * Leave appended frames in a batch until flushWrites() (the terminal recorder flushes once
   * per turn of the event loop). Off by default: append() writes before it returns.
   */
  isBatching?: boolean;
};

type OpenChunk = { seq: number; frames: Buffer[]; bytes: number; events: number; tStart: number; tEnd: number };

export function monotonicClock(): () => number {
  const start = process.hrtime.bigint();
  return () => Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * The write side of one recording: frames every event, appends it to the store at once, and
 * seals chunks in order (compressed on the thread pool, each carrying the previous hash).
 */
export class RecordingLog {
  private readonly clock: () => number;
  private readonly chunkBytes: number;
  private readonly chunkSeconds: number;
  private readonly maxBacklog: number;
  private current: OpenChunk;
  private sealing: Promise<void> = Promise.resolve();
  private sealingBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private isBehind = false;
  private isFinished = false;
  private failure: Error | undefined;
  private batch: Buffer[] = [];
  private batchBytes = 0;
  /** The chunk the batch belongs to (rotation flushes first, so a batch never spans two). */
  private get batchSeq(): number {
    return this.current.seq;
  }
  private behindPoll: NodeJS.Timeout | undefined;
  private prevHash: string;
  private lastT = 0;
  readonly stats: RecordingStats = { duration: 0, outputBytes: 0, inputBytes: 0, eventCount: 0, chunkCount: 0, storedBytes: 0, headHash: null };

  constructor(private readonly options: RecordingLogOptions) {
    this.clock = options.clock ?? monotonicClock();
    this.chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
    this.chunkSeconds = options.chunkSeconds ?? CHUNK_SECONDS;
    this.maxBacklog = options.maxBacklogBytes ?? MAX_BACKLOG_BYTES;
    this.prevHash = genesisHash(options.recordingId);
    this.current = this.newChunk(0);
  }

  /** Seconds since the start, never going backwards. */
  now(): number {
    this.lastT = Math.max(this.lastT, this.clock());
    return this.lastT;
  }

  /**
   * Frames one event and writes it to the store before returning (throws if the store cannot
   * take it). With `isBatching`, the frame waits in a batch for flushWrites() instead, and the
   * caller must relay nothing before that: the terminal recorder flushes once per turn of the
   * event loop (one write for all the chunks that arrived in it) and at once for control events.
   */
  append(kind: EventKind, data: Buffer): void {
    if (this.isFinished) throw new Error('the recording is finished');
    const t = this.now();
    const head = frameHeader(kind, t, data.length);
    const size = head.length + data.length;
    // The data is referenced, not copied: the pipeline never changes a chunk once written.
    this.batch.push(head, data);
    this.batchBytes += size;

    const chunk = this.current;
    if (chunk.events === 0) chunk.tStart = t;
    chunk.frames.push(head, data);
    chunk.bytes += size;
    chunk.events += 1;
    chunk.tEnd = t;
    this.stats.eventCount += 1;
    this.stats.duration = t;
    if (kind === 'o') this.stats.outputBytes += data.length;
    else if (kind === 'i') this.stats.inputBytes += data.length;

    if (!this.options.isBatching) this.flushWrites();
    if (chunk.bytes >= this.chunkBytes) this.rotate();
    else this.timer ??= setTimeout(() => this.rotate(), this.chunkSeconds * 1000).unref();
    this.checkBacklog();
  }

  /** Bytes framed but not yet written (isBatching). */
  get batchedBytes(): number {
    return this.batchBytes;
  }

  /** Writes the batch to the store; throws if the store cannot take it. */
  flushWrites(): void {
    if (this.batch.length === 0) return;
    const parts = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    this.options.writer.append(this.batchSeq, parts);
  }

  /** Seals what is left and waits for every chunk to be stored. */
  async finish(): Promise<RecordingStats> {
    if (!this.isFinished) {
      this.rotate();
      this.isFinished = true;
    }
    clearInterval(this.behindPoll);
    await this.sealing;
    if (this.failure) throw this.failure;
    await this.options.writer.flushed();
    await this.options.writer.close();
    return this.stats;
  }

  /** Stops without sealing (the store failed): what was appended stays for recovery. */
  abandon(): void {
    this.isFinished = true;
    clearTimeout(this.timer);
    clearInterval(this.behindPoll);
    void this.options.writer.close().catch(() => undefined);
  }

  private newChunk(seq: number): OpenChunk {
    return { seq, frames: [], bytes: 0, events: 0, tStart: 0, tEnd: 0 };
  }

  private rotate(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const chunk = this.current;
    if (chunk.events === 0 || this.isFinished) return;
    try {
      this.flushWrites();
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      this.options.onError(this.failure);
      return;
    }
    this.current = this.newChunk(chunk.seq + 1);
    this.sealingBytes += chunk.bytes;
    // Compression starts now, beside earlier seals; chaining and storing go in order.
    const compressed = compressFrames(Buffer.concat(chunk.frames, chunk.bytes));
    compressed.catch(() => undefined);
    this.sealing = this.sealing.then(async () => {
      // Later chunks cannot chain onto a chunk that was not stored.
      if (this.failure) return;
      try {
        const sealed = assembleChunk(
          { seq: chunk.seq, eventCount: chunk.events, rawBytes: chunk.bytes, tStart: chunk.tStart, tEnd: chunk.tEnd, prevHash: this.prevHash },
          await compressed,
        );
        await this.options.writer.writeChunk(sealed);
        this.prevHash = sealed.hash;
        this.stats.chunkCount += 1;
        this.stats.storedBytes += sealed.bytes.length;
        this.stats.headHash = sealed.hash;
        this.options.onSealed?.(sealed, this.stats);
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
        this.options.onError(this.failure);
      } finally {
        this.sealingBytes -= chunk.bytes;
        this.checkBacklog();
      }
    });
  }

  private checkBacklog(): void {
    const backlog = this.sealingBytes + this.options.writer.backlog;
    if (!this.isBehind && backlog > this.maxBacklog) {
      this.isBehind = true;
      this.options.onBehind?.(true);
      // An asynchronous store drains on its own schedule: look again until it caught up.
      this.behindPoll = setInterval(() => this.checkBacklog(), 20).unref();
    } else if (this.isBehind && backlog <= this.maxBacklog / 4) {
      this.isBehind = false;
      clearInterval(this.behindPoll);
      this.options.onBehind?.(false);
    }
  }
}
