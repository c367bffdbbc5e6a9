import type { ReachStart } from './reach-start';
import type { RegexNode } from './regex-ast';

// The start filter's types on their own, so regex-prefilter.ts (which builds the filter) and
// run-scan.ts (its second search) do not import each other.

/**
 * Bytes of a match looked at (after the byte before it): enough to tell "token" from "to",
 * and a row of dashes in a table from "-----BEGIN".
 */
export const DEPTH = 8;
/** Index of "no byte before: start of the text" in the per-byte-before tables. */
export const START = 256;

/**
 * A cheap test of where a match may start, derived from the rules' syntax trees: position i is
 * a candidate when, for some rule, the byte before i and the bytes at i..i+3 are in the sets
 * that rule allows there. Every position where a rule matches is a candidate (the sets only
 * over-approximate), so running the combined regex at candidates alone finds the same matches.
 */
export interface StartFilter {
  /** Per byte before the match (index 256: none), the signatures that allow it. */
  before: Int32Array;
  /** Per position 0..DEPTH-1 of the match and byte, the signatures that allow it there. */
  at: Int32Array[];
  /** The first test (see table-scan.ts): at `prevClass[byte before] | byte0 << 8 | byte1`, whether some signature allows those three. */
  triples: Uint8Array;
  prevClass: Int32Array;
  /**
   * The first candidate position in `bytes[from, to)`, or `to`. `whole`: only where a whole
   * match can fit in `bytes` (a scan for matches; without it, for matches in progress, a run
   * reaching the end is a candidate whatever its length).
   */
  next: (bytes: Uint8Array, from: number, to: number, whole?: boolean) => number;
  /**
   * A copy of `bytes` that `next` searches fastest (in the filter's WebAssembly memory: see
   * wasm/wasm-scans.ts), or `bytes` itself; absent when the filter has no such memory. The copy
   * is overwritten by the next load: one step's text, searched before the next step loads.
   */
  load?: (bytes: Buffer) => Buffer;
  /**
   * The backward scan over `reach` (reach-start.ts) in WebAssembly, for bytes `load` copied; other
   * bytes get the JavaScript form. Absent with `load`.
   */
  reachStart?: (reach: Uint8Array) => ReachStart;
  /**
   * The bytes of the run search's runs (run-scan.ts), or null when the filter has none: where
   * `whole` changes the candidates (a run reaching the end of the text).
   */
  runBytes: Uint8Array | null;
}

export interface FilterRule {
  ast: RegexNode;
  ignoreCase: boolean;
  dotAll: boolean;
}

/** A rule as the start filter reads it: its syntax tree and the flags that change what it matches. */
export function filterRule(ast: RegexNode, flags: string): FilterRule {
  return { ast, ignoreCase: flags.includes('i'), dotAll: flags.includes('s') };
}
