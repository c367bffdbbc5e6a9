/**
 * The tables of the table scan's first test in WebAssembly (scan.wat), which looks at 16
 * positions at once: the first four bytes of a match, each split into its low and high four bits.
 *
 * The filter's signatures (at most 31) are grouped into 8 buckets. For each bucket and each of
 * the first four bytes of a match, a table per half-byte holds the bucket's bit when some byte of
 * the bucket's set there has that half: byte x may be in the set only if both `low[x & 15]` and
 * `high[x >> 4]` hold the bit. A position passes when some bucket's bit is held for all four
 * bytes, so every position some signature allows passes (the test only over-approximates); the
 * exact test (every signature's) runs on the positions that pass: about
 * 6 % of the positions of the benign corpus, against 8 % for the triples table alone.
 */

const BUCKETS = 8;
/** Bytes of the match the first test looks at. */
export const NIBBLE_DEPTH = 4;

/** Per signature (or bucket), for each of the first four bytes, the low then the high half-bytes it allows: 16-bit sets. */
type Halves = number[];

/**
 * 128 bytes: for each of the match's first four bytes, the low then high half-byte table (16
 * entries each, a bit per bucket). From `at`: per position and byte, the signatures allowing it.
 */
export function nibbleBuckets(at: readonly Int32Array[]): Uint8Array {
  const buckets = groupSignatures(signatureHalves(at));
  const tables = new Uint8Array(32 * NIBBLE_DEPTH);
  buckets.forEach((halves, bucket) => {
    halves.forEach((set, k) => {
      for (let half = 0; half < 16; half++) if ((set >>> half) & 1) tables[16 * k + half]! |= 1 << bucket;
    });
  });
  return tables;
}

function signatureHalves(at: readonly Int32Array[]): Halves[] {
  const signatures: Halves[] = [];
  for (let bit = 0; bit < 31; bit++) {
    const mask = 1 << bit;
    const halves = Array<number>(2 * NIBBLE_DEPTH).fill(0);
    for (let k = 0; k < NIBBLE_DEPTH; k++) {
      for (let x = 0; x < 256; x++) {
        if ((at[k]![x]! & mask) === 0) continue;
        halves[2 * k]! |= 1 << (x & 15);
        halves[2 * k + 1]! |= 1 << (x >> 4);
      }
    }
    // A bit no signature uses allows no byte anywhere.
    if (halves.every((set) => set !== 0)) signatures.push(halves);
  }
  return signatures;
}

/** How many runs of four bytes a group's tables let pass: the fewer, the fewer positions tested exactly. */
function pairsPassing(h: Halves): number {
  return h.reduce((product, set) => product * bits(set), 1);
}

/** Merges the groups whose union adds the fewest pairs, until 8 are left. */
function groupSignatures(signatures: Halves[]): Halves[] {
  const groups = signatures.map((h) => [...h]);
  while (groups.length > BUCKETS) {
    let best = { a: 0, b: 1, cost: Infinity };
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const cost = pairsPassing(union(groups[a]!, groups[b]!)) - pairsPassing(groups[a]!) - pairsPassing(groups[b]!);
        if (cost < best.cost) best = { a, b, cost };
      }
    }
    groups[best.a] = union(groups[best.a]!, groups[best.b]!);
    groups.splice(best.b, 1);
  }
  return groups;
}

function union(a: Halves, b: Halves): Halves {
  return a.map((set, k) => set | b[k]!);
}

function bits(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}
