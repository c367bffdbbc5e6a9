import zlib from 'node:zlib';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { brotliStored } from './brotli-stored';

it('makes Brotli streams that Node’s decoder reads back byte for byte, at every header size', () => {
  // Lengths around each change of MNIBBLES (4 → 5 nibbles at 2^16) and of block (2^20).
  for (const length of [0, 1, 2, 65_535, 65_536, 65_537, 2 ** 20 - 1, 2 ** 20, 2 ** 20 + 1, 3 * 2 ** 20 + 17]) {
    const data = randomBytes(length);
    const stream = brotliStored(data);
    expect(zlib.brotliDecompressSync(stream).equals(data)).toBe(true);
    // A copy and a few header bytes: nothing compressed, nothing lost.
    expect(stream.length - length).toBeLessThanOrEqual(4 * Math.max(1, Math.ceil(length / 2 ** 20)) + 1);
  }
});

it('round-trips any bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
      expect(zlib.brotliDecompressSync(brotliStored(bytes)).equals(Buffer.from(bytes))).toBe(true);
    }),
    { numRuns: 200 },
  );
});

it('leaves the asked-for room in front of the stream', () => {
  const data = randomBytes(1000);
  const stream = brotliStored(data, 76);
  expect(zlib.brotliDecompressSync(stream.subarray(76)).equals(data)).toBe(true);
});
