import { PackingChoice } from './chunk-packing';
import { assembleChunk, compressFrames, frameLength, genesisHash, writeFrame, type EventKind, type SealedChunk } from './format';
import { metrics } from '../metrics/registry';
import { tallies } from '../metrics/tallies';
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

/**
 * The chunk being filled: its frames are copied into one buffer as they come. Holding the
 * event buffers themselves until the seal would keep thousands of small objects alive past
 * the young generation; one copy costs less than the collections they cause, the store gets
 * one contiguous write per batch, and the compressor gets its input without a concat.
 */
type OpenChunk = { seq: number; buffer: Buffer; bytes: number; written: number; events: number; tStart: number; tEnd: number };

/** Room past chunkBytes for the frame that crosses it (bigger frames grow the buffer). */
const FRAME_SLACK = 64 * 1024;
/** A quiet session's chunk starts this small and doubles as it fills. */
const FIRST_BUFFER_BYTES = 16 * 1024;
/** Full-size chunk buffers (of the default size) are reused once compressed. */
const SPARE_LIMIT = 8;
const spareBuffers: Buffer[] = [];

function takeBuffer(size: number): Buffer {
  return (size === CHUNK_BYTES + FRAME_SLACK ? spareBuffers.pop() : undefined) ?? Buffer.allocUnsafe(size);
}

function releaseBuffer(buffer: Buffer): void {
  if (buffer.length === CHUNK_BYTES + FRAME_SLACK && spareBuffers.length < SPARE_LIMIT) spareBuffers.push(buffer);
}

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
  /** Chunks handed to the writer and not stored yet, oldest first (at most writer.chunksInFlight). */
  private readonly storing: Promise<void>[] = [];
  /** The last chunk handed to the writer: counted once it and every chunk before it are stored. */
  private stored: Promise<void> = Promise.resolve();
  private sealingBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private isBehind = false;
  private isFinished = false;
  private failure: Error | undefined;
  private behindPoll: NodeJS.Timeout | undefined;
  private prevHash: string;
  private lastT = 0;
  /** Each chunk's compression, from how the last ones compressed. */
  private readonly packing = new PackingChoice();
  readonly stats: RecordingStats = { duration: 0, outputBytes: 0, inputBytes: 0, eventCount: 0, chunkCount: 0, storedBytes: 0, headHash: null };

  constructor(private readonly options: RecordingLogOptions) {
    this.clock = options.clock ?? monotonicClock();
    this.chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
    this.chunkSeconds = options.chunkSeconds ?? CHUNK_SECONDS;
    this.maxBacklog = options.maxBacklogBytes ?? MAX_BACKLOG_BYTES;
    this.prevHash = genesisHash(options.recordingId);
    this.current = this.newChunk(0, false);
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
    const chunk = this.current;
    const size = frameLength(t, data);
    if (chunk.bytes + size > chunk.buffer.length) this.grow(chunk, size);
    chunk.bytes = writeFrame(chunk.buffer, chunk.bytes, kind, t, data);
    if (chunk.events === 0) chunk.tStart = t;
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
    return this.current.bytes - this.current.written;
  }

  /**
   * Writes the batch to the store; throws if the store cannot take it. The batch is a view of
   * the chunk's buffer, which is reused later: the store copies what it keeps.
   */
  flushWrites(): void {
    const chunk = this.current;
    if (chunk.written === chunk.bytes) return;
    const batch = chunk.buffer.subarray(chunk.written, chunk.bytes);
    chunk.written = chunk.bytes;
    this.options.writer.append(chunk.seq, [batch]);
  }

  /** Seals what is left and waits for every chunk to be stored. */
  async finish(): Promise<RecordingStats> {
    if (!this.isFinished) {
      this.rotate();
      this.isFinished = true;
    }
    clearInterval(this.behindPoll);
    await this.sealing;
    await this.stored;
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

  /** After a chunk that filled up, the next one likely will too: it starts at full size. */
  private newChunk(seq: number, isBulk: boolean): OpenChunk {
    const buffer = takeBuffer(isBulk ? this.chunkBytes + FRAME_SLACK : FIRST_BUFFER_BYTES);
    return { seq, buffer, bytes: 0, written: 0, events: 0, tStart: 0, tEnd: 0 };
  }

  private grow(chunk: OpenChunk, frameSize: number): void {
    const needed = chunk.bytes + frameSize;
    const full = this.chunkBytes + FRAME_SLACK;
    const buffer = takeBuffer(needed <= full ? Math.max(needed, Math.min(chunk.buffer.length * 2, full)) : needed + FRAME_SLACK);
    chunk.buffer.copy(buffer, 0, 0, chunk.bytes);
    releaseBuffer(chunk.buffer);
    chunk.buffer = buffer;
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
    this.current = this.newChunk(chunk.seq + 1, chunk.bytes >= this.chunkBytes);
    this.sealingBytes += chunk.bytes;
    tallies().recordingBacklogBytes += chunk.bytes;
    // Compression starts now, beside earlier seals; chaining and storing go in order.
    const packing = this.packing.next(chunk.bytes);
    const compressed = compressFrames(chunk.buffer.subarray(0, chunk.bytes), packing);
    // The compressor has read the frames by then; nothing else holds them.
    compressed.then(
      ({ body }) => {
        this.packing.observe(chunk.bytes, packing, body.length);
        releaseBuffer(chunk.buffer);
      },
      () => releaseBuffer(chunk.buffer),
    );
    this.sealing = this.sealing.then(async () => {
      // Later chunks cannot chain onto a chunk that was not stored.
      if (this.failure) return this.release(chunk.bytes);
      try {
        const sealed = assembleChunk(
          { seq: chunk.seq, eventCount: chunk.events, rawBytes: chunk.bytes, tStart: chunk.tStart, tEnd: chunk.tEnd, prevHash: this.prevHash },
          await compressed,
        );
        this.prevHash = sealed.hash;
        this.storing.push(this.store(sealed, chunk.bytes));
        // A store that waits on a round trip per chunk (a database, a bucket) takes several at once.
        while (this.storing.length >= (this.options.writer.chunksInFlight ?? 1)) await this.storing.shift();
      } catch (error) {
        this.fail(error);
        this.release(chunk.bytes);
      }
    });
  }

  /** Hands a sealed chunk to the writer; it counts once it and every chunk before it are stored. */
  private store(sealed: SealedChunk, frameBytes: number): Promise<void> {
    const stopTimer = metrics().recordingWriteSeconds.startTimer();
    // Settled here, so a failure waiting behind an earlier chunk is never an unhandled rejection.
    const written = this.options.writer.writeChunk(sealed).then(
      () => {
        stopTimer();
        return { error: undefined };
      },
      (error: unknown) => ({ error: error ?? new Error('the store failed') }),
    );
    const previous = this.stored;
    this.stored = (async () => {
      const { error } = await written;
      await previous;
      try {
        if (this.failure) return;
        if (error) return this.fail(error);
        this.stats.chunkCount += 1;
        this.stats.storedBytes += sealed.bytes.length;
        this.stats.headHash = sealed.hash;
        this.options.onSealed?.(sealed, this.stats);
      } catch (failure) {
        this.fail(failure);
      } finally {
        this.release(frameBytes);
      }
    })();
    return this.stored;
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    this.failure = error instanceof Error ? error : new Error(String(error));
    this.options.onError(this.failure);
  }

  /** The frames of a chunk are stored, or will never be: they no longer hold the source back. */
  private release(frameBytes: number): void {
    this.sealingBytes -= frameBytes;
    tallies().recordingBacklogBytes -= frameBytes;
    this.checkBacklog();
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
