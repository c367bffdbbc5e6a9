import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NIBBLE_DEPTH, nibbleBuckets } from './nibble-buckets';

/** Whether scan.wat's first test lets the bytes through, from the 128 bytes of tables. */
function passes(tables: Uint8Array, bytes: readonly number[]): boolean {
  let buckets = 0xff;
  bytes.forEach((b, k) => (buckets &= tables[32 * k + (b & 15)]! & tables[32 * k + 16 + (b >> 4)]!));
  return buckets !== 0;
}

describe('the first test of the WebAssembly table scan', () => {
  it('lets through every four bytes some signature allows, however the signatures are grouped', () => {
    // Up to 31 signatures, each allowing a random set of bytes (any of the 256) at each position.
    const byteSet = fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 40 });
    const signature = fc.array(byteSet, { minLength: NIBBLE_DEPTH, maxLength: NIBBLE_DEPTH });
    fc.assert(
      fc.property(fc.array(signature, { minLength: 1, maxLength: 31, size: 'max' }), (signatures) => {
        const at = Array.from({ length: 8 }, () => new Int32Array(256));
        signatures.forEach((sets, bit) => sets.forEach((set, k) => set.forEach((b) => (at[k]![b]! |= 1 << bit))));
        const tables = nibbleBuckets(at);
        for (const sets of signatures) {
          // Every byte of each position's set, with the other positions' first bytes.
          for (let k = 0; k < NIBBLE_DEPTH; k++) {
            for (const b of sets[k]!)
              expect(
                passes(
                  tables,
                  sets.map((set, j) => (j === k ? b : set[0]!)),
                ),
              ).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('rejects bytes outside every signature set (it filters)', () => {
    // Digits then letters: a signature allowing only "AKIA" at the start rejects "1234".
    const at = Array.from({ length: 8 }, () => new Int32Array(256));
    [...'AKIA'].forEach((c, k) => (at[k]![c.charCodeAt(0)] = 1));
    const tables = nibbleBuckets(at);
    expect(
      passes(
        tables,
        [...'AKIA'].map((c) => c.charCodeAt(0)),
      ),
    ).toBe(true);
    expect(
      passes(
        tables,
        [...'1234'].map((c) => c.charCodeAt(0)),
      ),
    ).toBe(false);
    expect(
      passes(
        tables,
        [...'AKIB'].map((c) => c.charCodeAt(0)),
      ),
    ).toBe(false);
  });
});
