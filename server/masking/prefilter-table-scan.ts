import type { StartFilter } from './regex-prefilter';
import { DEPTH, START } from './prefilter-signatures';

/** Classes of bytes before a match, each taking 64 KiB in the pair table. */
const MAX_BEFORE_CLASSES = 8;

export function pairTable(before: Int32Array, at: Int32Array[]): { pairs: Uint8Array; prevClass: Int32Array } | null {
  const classes = new Map<number, number>();
  const prevClass = new Int32Array(257);
  const representative: number[] = [];
  for (let b = 0; b <= START; b++) {
    let index = classes.get(before[b]!);
    if (index === undefined) {
      index = classes.size;
      classes.set(before[b]!, index);
      representative.push(b);
    }
    prevClass[b] = index << 16;
  }
  if (classes.size > MAX_BEFORE_CLASSES) return null;
  const pairs = new Uint8Array(classes.size << 16);
  representative.forEach((b, index) => {
    for (let c0 = 0; c0 < 256; c0++) {
      const m = before[b]! & at[0]![c0]!;
      if (m === 0) continue;
      for (let c1 = 0; c1 < 256; c1++) if ((m & at[1]![c1]!) !== 0) pairs[(index << 16) | (c0 << 8) | c1] = 1;
    }
  });
  return { pairs, prevClass };
}

/**
 * The scan over `filter`: the first candidate position in `bytes[from, to)`, or `to`. Bytes
 * past the end are unknown, so they never reject a candidate. A closure over the tables, so
 * the optimizing compiler sees them as constants.
 */
export function candidateScan(filter: Omit<StartFilter, 'next' | 'scans'>): StartFilter['next'] {
  const { before, pairs, prevClass, at } = filter;
  const [at0, at1, at2, at3, at4, at5, at6, at7] = at as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  return (bytes, from, to) => {
    const n = bytes.length;
    const stop = Math.min(to, n - (DEPTH - 1));
    let i = from;
    if (i < stop) {
      let prev = i === 0 ? START : bytes[i - 1]!;
      let c0 = bytes[i]!;
      for (; i < stop; i++) {
        const c1 = bytes[i + 1]!;
        // One load rejects most positions; the full test runs on the few left.
        if (
          pairs[prevClass[prev]! | (c0 << 8) | c1] !== 0 &&
          (before[prev]! & at0[c0]! & at1[c1]! & at2[bytes[i + 2]!]! & at3[bytes[i + 3]!]! & at4[bytes[i + 4]!]! & at5[bytes[i + 5]!]! & at6[bytes[i + 6]!]! & at7[bytes[i + 7]!]!) !== 0
        ) {
          return i;
        }
        prev = c0;
        c0 = c1;
      }
    }
    for (; i < to; i++) {
      let m = before[i === 0 ? START : bytes[i - 1]!]!;
      for (let k = 0; k < DEPTH && i + k < n; k++) m &= at[k]![bytes[i + k]!]!;
      if (m !== 0) return i;
    }
    return to;
  };
}

