import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeChunk,
  decodeFrames,
  decodeKeyframe,
  decodeOpenFile,
  encodeFrames,
  encodeKeyframe,
  EVENT_KINDS,
  FormatError,
  genesisHash,
  openFileHeader,
  sealChunkSync,
  sha256,
  textDecoders,
  type RecordingEvent,
} from './format';

const event = (t: number, kind: RecordingEvent['kind'], data: string | Buffer): RecordingEvent => ({
  t,
  kind,
  data: Buffer.isBuffer(data) ? data : Buffer.from(data),
});

const arbitraryEvents = fc.array(
  fc.record({
    t: fc.integer({ min: 0, max: 4 * 3600 * 1e6 }).map((us) => us / 1e6),
    kind: fc.constantFrom(...EVENT_KINDS),
    data: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  }),
  { maxLength: 50 },
);

describe('recording format v1', () => {
  it('round-trips any events through frames, to the microsecond', () => {
    fc.assert(
      fc.property(arbitraryEvents, (events) => {
        const { events: decoded, usedBytes } = decodeFrames(encodeFrames(events));
        expect(usedBytes).toBe(encodeFrames(events).length);
        expect(decoded.map((e) => [e.t, e.kind, e.data.toString('hex')])).toEqual(events.map((e) => [e.t, e.kind, e.data.toString('hex')]));
      }),
    );
  });

  it('keeps every complete frame of a live file cut at any byte (a crash mid-write)', () => {
    const events = [event(0.1, 'o', 'hello'), event(0.25, 'i', 'ls\r'), event(3600.5, 'o', Buffer.alloc(300, 0x41))];
    const file = Buffer.concat([openFileHeader(), encodeFrames(events)]);
    const frameEnds = [1, 2, 3].map((n) => 8 + encodeFrames(events.slice(0, n)).length);
    for (let cut = 0; cut <= file.length; cut++) {
      const { events: decoded } = decodeOpenFile(file.subarray(0, cut));
      expect(decoded.length).toBe(frameEnds.filter((end) => end <= cut).length);
    }
  });

  it('refuses a frame with an unknown kind', () => {
    const bytes = encodeFrames([event(1, 'o', 'x')]);
    bytes[0] = 'z'.charCodeAt(0);
    expect(() => decodeFrames(bytes)).toThrow(FormatError);
  });

  it('seals chunks that decode to their events and chain by hash', () => {
    const events = [event(0, 'r', '80x24'), event(0.5, 'o', '$ '), event(1, 'x', '{"exitCode":0}')];
    const first = sealChunkSync(
      { seq: 0, eventCount: 3, rawBytes: encodeFrames(events).length, tStart: 0, tEnd: 1, prevHash: genesisHash('r1') },
      encodeFrames(events),
    );
    expect(first.hash).toBe(sha256(first.bytes));
    const decoded = decodeChunk(first.bytes);
    expect(decoded.header).toMatchObject({ seq: 0, eventCount: 3, tStart: 0, tEnd: 1, prevHash: genesisHash('r1') });
    expect(decoded.events.map((e) => e.data.toString())).toEqual(['80x24', '$ ', '{"exitCode":0}']);
    const second = sealChunkSync({ seq: 1, eventCount: 0, rawBytes: 0, tStart: 1, tEnd: 1, prevHash: first.hash }, Buffer.alloc(0));
    expect(decodeChunk(second.bytes).header.prevHash).toBe(first.hash);
  });

  it('detects a damaged chunk', () => {
    const frames = encodeFrames([event(0.5, 'o', 'some output '.repeat(50))]);
    const chunk = sealChunkSync({ seq: 0, eventCount: 1, rawBytes: frames.length, tStart: 0.5, tEnd: 0.5, prevHash: genesisHash('r') }, frames);
    const damaged = Buffer.from(chunk.bytes);
    damaged[damaged.length - 10]! ^= 0x01;
    expect(() => decodeChunk(damaged)).toThrow(FormatError);
  });

  it('round-trips keyframes', () => {
    const keyframe = { t: 12.5, chunkSeq: 3, eventIndex: 41, cols: 100, rows: 30, data: '\x1b[1mbold\x1b[0m ünïcode' };
    expect(decodeKeyframe(encodeKeyframe(keyframe))).toEqual(keyframe);
  });

  it('joins a UTF-8 character split across two output events', () => {
    const euro = Buffer.from('€');
    const decode = textDecoders();
    expect([event(0, 'o', euro.subarray(0, 1)), event(1, 'o', euro.subarray(1))].map(decode).join('')).toBe('€');
  });
});
