/**
 * The start filter's table scan over its tables (built in regex-prefilter.ts), in JavaScript (the
 * WebAssembly form, for bytes in the filter's memory, is wasm/scan.wat's); with the run search
 * (run-scan.ts) in one loop, table-and-run-scan.ts.
 *
 * Each array read costs ~7 instructions in V8's optimized code on Node 20 (map check, base
 * and length reloads, bounds check): the scans are counted in reads per byte. The table scan
 * reads three per byte (the next byte, the class of the byte before, and the table's entry for
 * that class and the two bytes) and branches once; the loop with the run search adds one read of
 * a 256-byte table, so the rules found by a long run (key bodies, random values) cost little for
 * an ordinary byte, and a run is read again only when it is long enough for some rule.
 */
import { DEPTH, START, type StartFilter } from './start-filter';

export interface FilterTables {
  /** Per byte before the match (index 256: none), the signatures that allow it. */
  before: Int32Array;
  /** Per position 0..DEPTH-1 of the match and byte, the signatures that allow it there. */
  at: Int32Array[];
  /**
   * At `prevClass[byte before] | byte0 << 8 | byte1`: 1 when some signature allows those three
   * (the bytes before a match fall into a few classes: those allowed by the same signatures).
   */
  triples: Uint8Array;
  /** Per byte before the match (index 256: none), its class, shifted for `triples`. */
  prevClass: Int32Array;
}

/**
 * The table's first candidate position in `bytes[from, to)`, or `to`. Bytes past the end are
 * unknown, so they never reject a candidate. A closure over the tables, so the optimizing
 * compiler sees them as constants.
 */
export function tableScan(tables: FilterTables): StartFilter['next'] {
  const { triples, prevClass, before, at } = tables;
  const [at0, at1, at2, at3, at4, at5, at6, at7] = at as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  const near = nearEnd(tables);
  return (bytes, from, to) => {
    const stop = Math.min(to, bytes.length - (DEPTH - 1));
    let i = from;
    if (i < stop) {
      let prev = i === 0 ? START : bytes[i - 1]!;
      let c0 = bytes[i]!;
      for (; i < stop; i++) {
        const c1 = bytes[i + 1]!;
        // The byte before's class and the next two bytes in one test: one branch, taken at
        // 3-8 % of positions (base64, mixed text), then every signature's test in one expression.
        // Testing the pair first, then the class, took the first branch at 15-19 % of positions,
        // mispredicted, and a call for the rest: base64 lines at 4 KiB masked at 222 MB/s, 293-301
        // this way (masking-compare.sh, docs/benchmarks.md, 2026-12-05).
        if (
          triples[prevClass[prev]! | (c0 << 8) | c1] !== 0 &&
          (before[prev]! &
            at0[c0]! &
            at1[c1]! &
            at2[bytes[i + 2]!]! &
            at3[bytes[i + 3]!]! &
            at4[bytes[i + 4]!]! &
            at5[bytes[i + 5]!]! &
            at6[bytes[i + 6]!]! &
            at7[bytes[i + 7]!]!) !==
            0
        )
          return i;
        prev = c0;
        c0 = c1;
      }
    }
    return near(bytes, i, to);
  };
}

type FullTest = (bytes: Uint8Array, i: number, prev: number, c0: number, c1: number) => boolean;

/** Every signature's test at i, for the few positions whose pair passes (most fail by the fourth byte). */
export function fullTest(tables: FilterTables): FullTest {
  const { before, at } = tables;
  const [at0, at1, at2, at3, at4, at5, at6, at7] = at as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  return (bytes, i, prev, c0, c1) => {
    const head = before[prev]! & at0[c0]! & at1[c1]! & at2[bytes[i + 2]!]! & at3[bytes[i + 3]!]!;
    return head !== 0 && (head & at4[bytes[i + 4]!]! & at5[bytes[i + 5]!]! & at6[bytes[i + 6]!]! & at7[bytes[i + 7]!]!) !== 0;
  };
}

/** The first candidate in `[from, to)` among the last DEPTH - 1 positions, where fewer bytes are known. */
function nearEnd(tables: FilterTables): (bytes: Uint8Array, from: number, to: number) => number {
  const { before, at } = tables;
  return (bytes, from, to) => {
    const n = bytes.length;
    for (let i = from; i < to; i++) {
      let m = before[i === 0 ? START : bytes[i - 1]!]!;
      for (let k = 0; k < DEPTH && i + k < n; k++) m &= at[k]![bytes[i + k]!]!;
      if (m !== 0) return i;
    }
    return to;
  };
}
