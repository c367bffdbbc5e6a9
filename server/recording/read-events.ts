import type { RecordingStoreKind } from '@/db/recording-schema';
import { AppError } from '../errors/app-error';
import { decodeChunk, decodeFrames, decodeKeyframe, FormatError, type Keyframe, type RecordingEvent, type StoredChunk } from './format';
import type { ChunkInfo } from './stores/recording-store';
import { recordingStore } from './stores/select-store';
import { processSingleton } from '@/lib/process-singleton';

export type RecordingRef = { id: string; store: RecordingStoreKind };
export type PositionedEvent = RecordingEvent & { chunkSeq: number; index: number };

/** Decoded chunks are immutable: a small cache makes repeated seeks near each other cheap. */
const CACHE_LIMIT_BYTES = 48 * 1024 * 1024;

function chunkCache() {
  return processSingleton('chunkCache', () => ({ map: new Map<string, { events: RecordingEvent[]; bytes: number }>(), bytes: 0 }));
}

/**
 * Stored bytes that do not decode (a tampered or corrupted recording) are the recording's
 * problem, not the server's: a clear RECORDING_DAMAGED instead of an internal error.
 */
async function decoding<T>(recording: RecordingRef, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    throw new AppError('RECORDING_DAMAGED', { message: `recording ${recording.id} is damaged: ${error.message}` });
  }
}

export function loadChunk(recording: RecordingRef, seq: number): Promise<RecordingEvent[]> {
  return decoding(recording, () => loadChunkUnchecked(recording, seq));
}

async function loadChunkUnchecked(recording: RecordingRef, seq: number): Promise<RecordingEvent[]> {
  const cache = chunkCache();
  const key = `${recording.store}:${recording.id}:${seq}`;
  const hit = cache.map.get(key);
  if (hit) {
    cache.map.delete(key);
    cache.map.set(key, hit);
    return hit.events;
  }
  const bytes = await recordingStore(recording.store).readChunk(recording.id, seq);
  const { events } = decodeChunk(bytes);
  const size = bytes.length * 4;
  cache.map.set(key, { events, bytes: size });
  cache.bytes += size;
  for (const [oldKey, entry] of cache.map) {
    if (cache.bytes <= CACHE_LIMIT_BYTES) break;
    cache.map.delete(oldKey);
    cache.bytes -= entry.bytes;
  }
  return events;
}

type Source = { seq: number; tStart: number; tEnd: number; load: () => Promise<RecordingEvent[]> };

/** Sealed chunks, then the frames of chunks still open (a live recording), in order. */
function sources(recording: RecordingRef): Promise<Source[]> {
  return decoding(recording, () => sourcesUnchecked(recording));
}

async function sourcesUnchecked(recording: RecordingRef): Promise<Source[]> {
  const store = recordingStore(recording.store);
  const [chunks, open] = await Promise.all([store.listChunks(recording.id), store.readOpen(recording.id)]);
  const sealed: Source[] = chunks.map((chunk: ChunkInfo) => ({
    seq: chunk.seq,
    tStart: chunk.tStart,
    tEnd: chunk.tEnd,
    load: () => loadChunk(recording, chunk.seq),
  }));
  const live: Source[] = open.flatMap((chunk) => {
    const { events } = decodeFrames(chunk.frames);
    if (events.length === 0) return [];
    return [{ seq: chunk.seq, tStart: events[0]!.t, tEnd: events[events.length - 1]!.t, load: async () => events }];
  });
  return [...sealed, ...live];
}

/** Every event of a recording, in order, one chunk in memory at a time. */
export async function* iterateEvents(recording: RecordingRef): AsyncGenerator<PositionedEvent> {
  for (const source of await sources(recording)) {
    const events = await source.load();
    for (let index = 0; index < events.length; index++) yield { ...events[index]!, chunkSeq: source.seq, index };
  }
}

/**
 * Every chunk of a recording as stored, undecoded and in order: the sealed ones read one at a
 * time, then the frames of those still open. For a reader that decodes elsewhere (the indexing
 * worker), so decompressing never holds up this thread.
 */
export async function* storedChunks(recording: RecordingRef): AsyncGenerator<StoredChunk> {
  const store = recordingStore(recording.store);
  const [chunks, open] = await Promise.all([store.listChunks(recording.id), store.readOpen(recording.id)]);
  for (const chunk of chunks) yield { seq: chunk.seq, isSealed: true, bytes: await store.readChunk(recording.id, chunk.seq) };
  for (const chunk of open) yield { seq: chunk.seq, isSealed: false, bytes: chunk.frames };
}

export type EventRange = {
  /** The screen at or before `from`; the events that follow it start right after it. */
  keyframe: Keyframe | null;
  events: PositionedEvent[];
  /** The range was cut to stay within the byte budget: ask again from this time. */
  nextFrom: number | null;
};

export type EventRangeQuery = {
  from: number;
  to: number;
  withKeyframe?: boolean;
  /** False: start from the beginning instead of a stored keyframe (one made without screen masks). */
  canUseKeyframes?: boolean;
  /** Budget for the events at or after `from` (the tail before it is bounded by keyframe spacing). */
  maxBytes?: number;
};

/**
 * Events with from ≤ t < to. With a keyframe, the nearest one at or before `from` and every
 * event after it (the bounded tail the player replays to reach `from`), then on to `to`.
 */
export async function readEventRange(recording: RecordingRef, query: EventRangeQuery): Promise<EventRange> {
  const { from, to, maxBytes = 2 * 1024 * 1024 } = query;
  let keyframe: Keyframe | null = null;
  if (query.withKeyframe && query.canUseKeyframes !== false) {
    const store = recordingStore(recording.store);
    const keyframes = await store.listKeyframes(recording.id);
    let chosen: (typeof keyframes)[number] | undefined;
    for (const info of keyframes) if (info.t <= from) chosen = info;
    if (chosen) {
      const bytes = await store.readKeyframe(recording.id, chosen.seq);
      keyframe = await decoding(recording, async () => decodeKeyframe(bytes));
    }
  }
  const events: PositionedEvent[] = [];
  let bytes = 0;
  let nextFrom: number | null = null;
  const start = query.withKeyframe ? (keyframe ? { seq: keyframe.chunkSeq, index: keyframe.eventIndex } : { seq: -1, index: -1 }) : undefined;
  outer: for (const source of await sources(recording)) {
    if (source.tStart >= to) break;
    if (start ? source.seq < start.seq : source.tEnd < from) continue;
    const chunkEvents = await source.load();
    for (let index = 0; index < chunkEvents.length; index++) {
      const event = chunkEvents[index]!;
      if (event.t >= to) break outer;
      if (start ? source.seq === start.seq && index <= start.index : event.t < from) continue;
      const last = events[events.length - 1];
      // Cut only between distinct times, and never inside the tail that leads to `from`.
      if (bytes >= maxBytes && event.t >= from && last && event.t > last.t) {
        nextFrom = event.t;
        break outer;
      }
      events.push({ ...event, chunkSeq: source.seq, index });
      if (event.t >= from) bytes += event.data.length;
    }
  }
  return { keyframe, events, nextFrom };
}
