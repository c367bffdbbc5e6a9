import type { RecordingStoreKind } from '@/db/recording-schema';
import type { EncodedKeyframe, SealedChunk } from '../format';

/** What a store knows about a sealed chunk without decompressing it. */
export type ChunkInfo = {
  seq: number;
  tStart: number;
  tEnd: number;
  eventCount: number;
  rawBytes: number;
  prevHash: string;
  /** Bytes stored for the chunk (header and compressed body). */
  storedBytes: number;
};

/** Frames appended to a chunk that is not sealed yet. */
export type OpenChunk = { seq: number; frames: Buffer };

export type KeyframeInfo = { seq: number; t: number; storedBytes: number };

/**
 * One recording being written. `append` is called for every event batch before the bytes go
 * on through the pipeline: the file store writes synchronously (a crash loses nothing already
 * relayed); an asynchronous store reports what it has not made durable yet in `backlog`, and
 * the recorder pauses the session's output while that grows.
 */
export interface RecordingWriter {
  /**
   * Frames as parts, written in order as one. The parts are views of a buffer the caller
   * reuses: a store that keeps them past the call copies them.
   */
  append(seq: number, parts: Buffer[]): void;
  /** Bytes accepted by append() and not yet durable. */
  readonly backlog: number;
  /** Resolves once the backlog is durable; rejects with the store's write error. */
  flushed(): Promise<void>;
  /** Stores a sealed chunk, then forgets the open frames of that sequence number. */
  writeChunk(chunk: SealedChunk): Promise<void>;
  /**
   * How many writeChunk calls may run at once (default 1). A writer taking several makes
   * their chunks visible in order: no reader, and no crash, sees a chunk without the one before.
   */
  readonly chunksInFlight?: number;
  close(): Promise<void>;
}

export interface RecordingStore {
  readonly kind: RecordingStoreKind;
  /** Starts writing a new recording; throws when the store cannot write (the session must not start). */
  create(recordingId: string, onError: (error: Error) => void): Promise<RecordingWriter>;
  listChunks(recordingId: string): Promise<ChunkInfo[]>;
  readChunk(recordingId: string, seq: number): Promise<Buffer>;
  /** Chunks left open (a live recording, or one whose writer died), oldest first. */
  readOpen(recordingId: string): Promise<OpenChunk[]>;
  /** After a chunk was sealed from open frames found by readOpen (recovery). */
  writeRecoveredChunk(recordingId: string, chunk: SealedChunk): Promise<void>;
  /** Forgets the open frames of a chunk that turned out to be sealed already (recovery). */
  dropOpen(recordingId: string, seq: number): Promise<void>;
  /**
   * Renumbers open frames to follow the last chunk stored (recovery): a writer that died with
   * chunks between them still in memory left the open chunk after a gap.
   */
  moveOpen(recordingId: string, from: number, to: number): Promise<void>;
  /** Replaces the keyframes of a recording (blobs from format.encodeKeyframe). Returns bytes stored. */
  writeKeyframes(recordingId: string, keyframes: EncodedKeyframe[]): Promise<number>;
  listKeyframes(recordingId: string): Promise<KeyframeInfo[]>;
  readKeyframe(recordingId: string, seq: number): Promise<Buffer>;
  /** Ids of recordings with open chunks in this store instance's reach (start-up recovery). */
  listOpenRecordings(): Promise<string[]>;
  /** Removes everything stored for a recording (retention purge, deletion); nothing there is no error. */
  deleteRecording(recordingId: string): Promise<void>;
}
