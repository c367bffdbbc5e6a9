/**
 * A Brotli stream that stores its input as it is (RFC 7932 §9.2: uncompressed meta-blocks),
 * for output that does not compress: any Brotli decoder reads it, so the chunk format does not
 * change. Making one is a copy; compressing base64 at quality 0 costs ~4 ms of CPU per MB to
 * store 0.76 of it (docs/benchmarks.md, "Recorder CPU").
 *
 * Layout, bits packed from the least significant bit of each byte:
 *   WBITS = 16 (one 0 bit), then per meta-block ISLAST = 0, MNIBBLES, MLEN - 1, ISUNCOMPRESSED = 1,
 *   zero bits to the byte boundary, MLEN bytes; then ISLAST = 1, ISLASTEMPTY = 1.
 */

/** MLEN may be up to 2^24; blocks of at most 2^20 keep every header to four bytes. */
const BLOCK_BYTES = 1 << 20;
/** ISLAST = 1, ISLASTEMPTY = 1, padded: the stream's last byte. */
const LAST_EMPTY = 0b11;

/** The bits of a meta-block header for `length` stored bytes, and how many there are. */
function storedHeader(length: number): { bits: number; count: number } {
  const value = length - 1;
  // The fewest nibbles that hold MLEN - 1 (more than needed is invalid): 4, or 5 up to BLOCK_BYTES.
  const nibbles = value < 1 << 16 ? 4 : 5;
  // ISLAST = 0, MNIBBLES - 4 (2 bits), MLEN - 1, ISUNCOMPRESSED = 1.
  const bits = ((nibbles - 4) << 1) | (value << 3) | (1 << (3 + nibbles * 4));
  return { bits, count: 4 + nibbles * 4 };
}

/**
 * The Brotli stream of `data`, uncompressed, after `headroom` bytes left for the caller (a
 * chunk's header: the chunk is then one buffer, without a copy to join them).
 */
export function brotliStored(data: Uint8Array, headroom = 0): Buffer {
  const blocks = Math.max(1, Math.ceil(data.length / BLOCK_BYTES));
  // Each header fits in 4 bytes (at most 5 nibbles of length: 24 bits, and the first one's WBITS bit).
  const out = Buffer.allocUnsafe(headroom + data.length + blocks * 4 + 1);
  let at = headroom;
  let wbitsBit = 1;
  for (let from = 0; from < data.length; from += BLOCK_BYTES) {
    const length = Math.min(BLOCK_BYTES, data.length - from);
    const header = storedHeader(length);
    // The stream's first bit (WBITS = 16) is a 0 before the first header (25 bits at most: an int).
    const bits = header.bits << wbitsBit;
    const bytes = Math.ceil((header.count + wbitsBit) / 8);
    for (let k = 0; k < bytes; k++) out[at++] = (bits >>> (8 * k)) & 0xff;
    wbitsBit = 0;
    out.set(data.subarray(from, from + length), at);
    at += length;
  }
  // An empty input: the WBITS bit, then ISLAST, ISLASTEMPTY, in one byte.
  out[at++] = data.length === 0 ? LAST_EMPTY << 1 : LAST_EMPTY;
  return out.subarray(0, at);
}
