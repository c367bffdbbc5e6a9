import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { brotliStored } from './brotli-stored';
import type { Packing } from './chunk-packing';

/**
 * The recording format, version 1: every encoder and decoder of stored bytes lives here.
 *
 * An event is `[t, kind, data]` (t in seconds since the session started). On disk an event is
 * a compact frame rather than JSON, because a JSON line per frame costs more CPU than the
 * compression that follows; asciicast is produced from frames on export.
 *
 *   frame  = kind:u8 · varint(t in µs) · varint(length) · data
 *   open   = "PHRL" · version:u8 · 000 · frame*            (the live file: appended per event)
 *   chunk  = "PHRC" · version:u8 · 000 · seq:u32 · events:u32 · rawBytes:u32 · tStart:f64 ·
 *            tEnd:f64 · prevHash:32 · bodyLength:u32 · crc32(frame*):u32 · brotli(frame*)
 *
 * Chunks are compressed with Brotli at quality 1: on terminal output it is both faster and
 * tighter than gzip level 1 (see docs/benchmarks.md, "Replay"). Output that barely compresses
 * gets quality 0, or is stored in a Brotli stream without compression (chunk-packing.ts).
 *
 * A chunk's hash is the SHA-256 of all its bytes; each chunk carries the previous one's
 * (the first carries genesisHash(recordingId)), so the chain covers the whole recording.
 */

export const FORMAT_VERSION = 1;

export const EVENT_KINDS = ['o', 'i', 'r', 'm', 'x'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Output and input are raw bytes; resize, marker and exit carry text. */
export type RecordingEvent = { t: number; kind: EventKind; data: Buffer };

const OPEN_MAGIC = Buffer.from('PHRL');
const CHUNK_MAGIC = Buffer.from('PHRC');
export const OPEN_HEADER_BYTES = 8;
export const CHUNK_HEADER_BYTES = 4 + 4 + 4 + 4 + 4 + 8 + 8 + 32 + 4 + 4;
const brotliQuality = (quality: number) => ({
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT },
});
const CHUNK_BROTLI = brotliQuality(1);
/**
 * Output space per round trip to the thread pool: at the default 16 KiB a chunk's body took
 * 10–30 trips, each a turn of JavaScript on the main thread (~0.7 ms of CPU per MB).
 */
const CHUNK_BROTLI_ASYNC = { ...CHUNK_BROTLI, chunkSize: 256 * 1024 };
const DENSE_CHUNK_BROTLI_ASYNC = { ...brotliQuality(0), chunkSize: 256 * 1024 };
/**
 * Keyframes are encoded by the indexer, in its worker. Quality 4: on the synthetic hour of
 * bench:replay (452 keyframes, 20.8 MB of screens) quality 9 compressed the screens to 4.29 MB
 * instead of 5.05 but took twice the CPU (0.76 s against 0.35), and recordings with many
 * keyframes (one every 30 s of sparse output) then indexed 6–25 % slower in bench:search.
 */
const KEYFRAME_BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } };
const KIND_CODES = new Set(EVENT_KINDS.map((kind) => kind.charCodeAt(0)));

export class FormatError extends Error {}

export function genesisHash(recordingId: string): string {
  return sha256(Buffer.from(`porthole-recording:${recordingId}`));
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// ---------------------------------------------------------------------------------------
// Frames

function varintLength(value: number): number {
  let n = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    n++;
  }
  return n;
}

function writeVarint(target: Buffer, offset: number, value: number): number {
  while (value >= 0x80) {
    target[offset++] = (value % 128) | 0x80;
    value = Math.floor(value / 128);
  }
  target[offset++] = value;
  return offset;
}

export function toMicros(t: number): number {
  return Math.max(0, Math.round(t * 1e6));
}

export function frameLength(t: number, data: Buffer): number {
  return 1 + varintLength(toMicros(t)) + varintLength(data.length) + data.length;
}

/** Writes one frame into `target` at `offset`; returns the offset after it. */
export function writeFrame(target: Buffer, offset: number, kind: EventKind, t: number, data: Buffer): number {
  target[offset++] = kind.charCodeAt(0);
  offset = writeVarint(target, offset, toMicros(t));
  offset = writeVarint(target, offset, data.length);
  data.copy(target, offset);
  return offset + data.length;
}

export function encodeFrames(events: readonly RecordingEvent[]): Buffer {
  let size = 0;
  for (const event of events) size += frameLength(event.t, event.data);
  const out = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const event of events) offset = writeFrame(out, offset, event.kind, event.t, event.data);
  return out;
}

export type DecodedFrames = { events: RecordingEvent[]; /** Bytes of complete frames; a torn last frame is left out. */ usedBytes: number };

/**
 * Decodes frames; a frame cut short at the end (the process died mid-write) is ignored, any
 * other damage throws. Data buffers are views into `bytes`.
 */
export function decodeFrames(bytes: Buffer, start = 0): DecodedFrames {
  const events: RecordingEvent[] = [];
  let offset = start;
  let usedBytes = start;
  const length = bytes.length;
  outer: while (offset < length) {
    const code = bytes[offset]!;
    if (!KIND_CODES.has(code)) throw new FormatError(`bad event kind ${code} at byte ${offset}`);
    let p = offset + 1;
    const numbers = [0, 0];
    for (let i = 0; i < 2; i++) {
      let value = 0;
      let scale = 1;
      for (;;) {
        if (p >= length) break outer;
        const byte = bytes[p++]!;
        value += (byte & 0x7f) * scale;
        if (byte < 0x80) break;
        scale *= 128;
        if (scale > 2 ** 56) throw new FormatError(`varint too long at byte ${p}`);
      }
      numbers[i] = value;
    }
    const dataLength = numbers[1]!;
    if (p + dataLength > length) break;
    events.push({ t: numbers[0]! / 1e6, kind: String.fromCharCode(code) as EventKind, data: bytes.subarray(p, p + dataLength) });
    offset = p + dataLength;
    usedBytes = offset;
  }
  return { events, usedBytes };
}

// ---------------------------------------------------------------------------------------
// The live (open) file

export function openFileHeader(): Buffer {
  const header = Buffer.alloc(OPEN_HEADER_BYTES);
  OPEN_MAGIC.copy(header, 0);
  header[4] = FORMAT_VERSION;
  return header;
}

/** The frames of a live file; an empty or torn header means nothing was written yet. */
export function decodeOpenFile(bytes: Buffer): DecodedFrames {
  if (bytes.length < OPEN_HEADER_BYTES) return { events: [], usedBytes: 0 };
  if (!bytes.subarray(0, 4).equals(OPEN_MAGIC)) throw new FormatError('not a live recording file');
  if (bytes[4] !== FORMAT_VERSION) throw new FormatError(`unsupported recording format ${bytes[4]}`);
  return decodeFrames(bytes, OPEN_HEADER_BYTES);
}

// ---------------------------------------------------------------------------------------
// Chunks

export type ChunkHeader = {
  version: number;
  seq: number;
  eventCount: number;
  rawBytes: number;
  tStart: number;
  tEnd: number;
  prevHash: string;
};

export type SealedChunk = ChunkHeader & { bytes: Buffer; hash: string };

/** Frames are already encoded (they were appended to the live file as they came). */
export function sealChunkSync(input: Omit<ChunkHeader, 'version'>, frames: Buffer): SealedChunk {
  return assembleChunk(input, { body: zlib.brotliCompressSync(frames, CHUNK_BROTLI), crc: zlib.crc32(frames) });
}

/** `body` may lie at CHUNK_HEADER_BYTES in `chunk`, whose head is left for the header (no copy to join them). */
export type CompressedFrames = { body: Buffer; crc: number; chunk?: Buffer };

/**
 * The costly half of sealing, on the thread pool and independent of the hash chain, so
 * several chunks can compress at once; assembleChunk then chains them in order.
 */
export function compressFrames(frames: Buffer, packing: Packing = 'text'): Promise<CompressedFrames> {
  if (packing === 'stored') {
    const chunk = brotliStored(frames, CHUNK_HEADER_BYTES);
    return Promise.resolve({ body: chunk.subarray(CHUNK_HEADER_BYTES), crc: zlib.crc32(frames), chunk });
  }
  const options = packing === 'dense' ? DENSE_CHUNK_BROTLI_ASYNC : CHUNK_BROTLI_ASYNC;
  return new Promise((resolve, reject) =>
    zlib.brotliCompress(frames, options, (error, body) => (error ? reject(error) : resolve({ body, crc: zlib.crc32(frames) }))),
  );
}

export function assembleChunk(input: Omit<ChunkHeader, 'version'>, { body, crc, chunk }: CompressedFrames): SealedChunk {
  // A stored body comes with the header's room in front of it (allocated unzeroed).
  const header = chunk ? chunk.subarray(0, CHUNK_HEADER_BYTES).fill(0) : Buffer.alloc(CHUNK_HEADER_BYTES);
  CHUNK_MAGIC.copy(header, 0);
  header[4] = FORMAT_VERSION;
  header.writeUInt32BE(input.seq, 8);
  header.writeUInt32BE(input.eventCount, 12);
  header.writeUInt32BE(input.rawBytes, 16);
  header.writeDoubleBE(input.tStart, 20);
  header.writeDoubleBE(input.tEnd, 28);
  Buffer.from(input.prevHash, 'hex').copy(header, 36);
  header.writeUInt32BE(body.length, 68);
  header.writeUInt32BE(crc, 72);
  const bytes = chunk ?? Buffer.concat([header, body]);
  return { ...input, version: FORMAT_VERSION, bytes, hash: sha256(bytes) };
}

export function decodeChunkHeader(bytes: Buffer): ChunkHeader & { bodyLength: number; crc: number } {
  if (bytes.length < CHUNK_HEADER_BYTES || !bytes.subarray(0, 4).equals(CHUNK_MAGIC)) throw new FormatError('not a recording chunk');
  const version = bytes[4]!;
  if (version !== FORMAT_VERSION) throw new FormatError(`unsupported recording format ${version}`);
  return {
    version,
    seq: bytes.readUInt32BE(8),
    eventCount: bytes.readUInt32BE(12),
    rawBytes: bytes.readUInt32BE(16),
    tStart: bytes.readDoubleBE(20),
    tEnd: bytes.readDoubleBE(28),
    prevHash: bytes.subarray(36, 68).toString('hex'),
    bodyLength: bytes.readUInt32BE(68),
    crc: bytes.readUInt32BE(72),
  };
}

/** Header and events of a stored chunk; throws FormatError on any damage. */
export function decodeChunk(bytes: Buffer): { header: ChunkHeader; events: RecordingEvent[] } {
  const { bodyLength, crc, ...header } = decodeChunkHeader(bytes);
  if (bytes.length !== CHUNK_HEADER_BYTES + bodyLength) throw new FormatError('chunk length does not match its header');
  let frames: Buffer;
  try {
    frames = zlib.brotliDecompressSync(bytes.subarray(CHUNK_HEADER_BYTES));
  } catch (error) {
    throw new FormatError(`chunk ${header.seq} does not decompress: ${(error as Error).message}`);
  }
  if (zlib.crc32(frames) !== crc) throw new FormatError(`chunk ${header.seq} does not match its checksum`);
  const { events, usedBytes } = decodeFrames(frames);
  if (usedBytes !== frames.length || events.length !== header.eventCount) throw new FormatError(`chunk ${header.seq} holds a torn frame`);
  return { header, events };
}

/** A chunk as a store holds it: sealed (headed and compressed), or the frames of one still open. */
export type StoredChunk = { seq: number; isSealed: boolean; bytes: Buffer };

/** The events of a stored chunk: whoever decodes (the indexing worker) needs nothing but the bytes. */
export function storedChunkEvents(chunk: StoredChunk): RecordingEvent[] {
  return chunk.isSealed ? decodeChunk(chunk.bytes).events : decodeFrames(chunk.bytes).events;
}

// ---------------------------------------------------------------------------------------
// Keyframes: a serialized screen (addon-serialize output) and where in the stream it stands.

export type Keyframe = {
  t: number;
  /** The state after event `eventIndex` of chunk `chunkSeq` (-1: before the chunk's first event). */
  chunkSeq: number;
  eventIndex: number;
  cols: number;
  rows: number;
  /** Terminal escape sequences that rebuild the screen and scrollback in a reset terminal. */
  data: string;
};

/** A keyframe as stores keep it (encodeKeyframe's bytes), with its time for the store's index. */
export type EncodedKeyframe = { t: number; bytes: Buffer };

export function encodeKeyframe(keyframe: Keyframe): Buffer {
  const { data, ...position } = keyframe;
  const head = Buffer.from(JSON.stringify({ v: FORMAT_VERSION, ...position }));
  const body = Buffer.from(data, 'utf8');
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(head.length, 0);
  return zlib.brotliCompressSync(Buffer.concat([prefix, head, body]), KEYFRAME_BROTLI);
}

export function decodeKeyframe(bytes: Buffer): Keyframe {
  let raw: Buffer;
  let headLength: number;
  let head: Omit<Keyframe, 'data'> & { v: number };
  try {
    raw = zlib.brotliDecompressSync(bytes);
    headLength = raw.readUInt32BE(0);
    head = JSON.parse(raw.subarray(4, 4 + headLength).toString('utf8')) as typeof head;
  } catch (error) {
    throw new FormatError(`keyframe does not decode: ${(error as Error).message}`);
  }
  if (head.v !== FORMAT_VERSION) throw new FormatError(`unsupported keyframe format ${head.v}`);
  return {
    t: head.t,
    chunkSeq: head.chunkSeq,
    eventIndex: head.eventIndex,
    cols: head.cols,
    rows: head.rows,
    data: raw.subarray(4 + headLength).toString('utf8'),
  };
}

// ---------------------------------------------------------------------------------------
// Text payloads of the non-byte kinds

export function resizeData(cols: number, rows: number): Buffer {
  return Buffer.from(`${cols}x${rows}`);
}

export function parseResize(data: Buffer | string): { cols: number; rows: number } | undefined {
  const match = /^(\d+)x(\d+)$/.exec(data.toString());
  return match ? { cols: Number(match[1]), rows: Number(match[2]) } : undefined;
}

export type ExitData = { reason: string; message: string; exitCode: number | null };

export function exitData(exit: ExitData): Buffer {
  return Buffer.from(JSON.stringify(exit));
}

/**
 * Turns byte events into text events for JSON and asciicast: a UTF-8 character split across
 * two output frames is joined, as a terminal would (one decoder per direction).
 */
export function textDecoders(): (event: RecordingEvent) => string {
  const output = new TextDecoder('utf-8');
  const input = new TextDecoder('utf-8');
  return (event) => {
    if (event.kind === 'o') return output.decode(event.data, { stream: true });
    if (event.kind === 'i') return input.decode(event.data, { stream: true });
    return event.data.toString('utf8');
  };
}
