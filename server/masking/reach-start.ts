/**
 * Where a match in progress at the end of `bytes[from, n)` may begin, for one group of hold-back
 * patterns (compile-rules.ts): the first position from which every byte up to n is in the
 * group's `reach`, or n when the last byte is not.
 */
export type ReachStart = (bytes: Uint8Array, from: number, n: number) => number;

/** The JavaScript form: a backward scan, a byte at a time (wasm/scan.wat's `reachStart` reads sixteen). */
export function reachStartOf(reach: Uint8Array): ReachStart {
  return (bytes, from, n) => {
    let j = n;
    while (j > from && reach[bytes[j - 1]!] === 1) j--;
    return j;
  };
}
