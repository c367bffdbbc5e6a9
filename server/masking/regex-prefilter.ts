import type { RegexNode } from './regex-ast';
import { ANY, DEPTH, MAX_SIGNATURES, START, allowedBefore, mergeSignatures, shapesOf, type Signature } from './prefilter-signatures';
import { candidateScan, pairTable } from './prefilter-table-scan';
import { leadingRun, runScan, type RunSignature } from './prefilter-run-scan';

const MAX_CACHED = 16;

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
  /**
   * The first test, one load per position: 1 at `prevClass[byte before] | byte0 << 8 | byte1`
   * when some signature allows those three bytes (the bytes before fall into a few classes).
   */
  pairs: Uint8Array;
  prevClass: Int32Array;
  /**
   * The first candidate position in `bytes[from, to)`, or `to`. `whole`: only where a whole
   * match can fit in `bytes` (a scan for matches; without it, for matches in progress, a run
   * reaching the end is a candidate whatever its length).
   */
  next: (bytes: Uint8Array, from: number, to: number, whole?: boolean) => number;
  /**
   * The same candidates as `next`, from separate searches (the table, each run signature),
   * for `candidateCursor`.
   */
  scans: ReadonlyArray<StartFilter['next']>;
}

export interface FilterRule {
  ast: RegexNode;
  ignoreCase: boolean;
  dotAll: boolean;
}

/**
 * Filters are shared by maskers with the same V8 rules (built-ins with per-resource overrides,
 * so few sets): building one takes milliseconds, and the pair table is 64 KiB per class.
 */
const cache = new Map<string, StartFilter | null>();

/** `null` when some rule may match the empty string, or the rules give nothing to filter on. */
export function buildStartFilter(rules: readonly FilterRule[]): StartFilter | null {
  const key = JSON.stringify(rules);
  let filter = cache.get(key);
  if (filter === undefined) {
    filter = build(rules);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, filter);
  }
  return filter;
}

function build(rules: readonly FilterRule[]): StartFilter | null {
  const signatures: Signature[] = [];
  const runs: RunSignature[] = [];
  for (const [index, rule] of rules.entries()) {
    const shapes = shapesOf(rule.ast, rule);
    if (shapes.some((shape) => shape.length === 0)) return null;
    const before = allowedBefore(rule.ast, rule);
    const run = leadingRun(rule.ast, rule);
    if (run) {
      runs.push({ before: Uint8Array.from([...before, 1]), ...run });
      continue;
    }
    // A shorter shape: the match may end there, so whatever follows is allowed.
    for (const shape of shapes) signatures.push({ rule: index, before, shape: [...shape, ...Array<Uint8Array>(DEPTH - shape.length).fill(ANY)] });
  }
  const merged = signatures.length > MAX_SIGNATURES ? mergeSignatures(signatures) : signatures;
  if (merged.length > MAX_SIGNATURES) return null;

  const before = new Int32Array(257);
  const at = Array.from({ length: DEPTH }, () => new Int32Array(256));
  merged.forEach((signature, index) => {
    const bit = 1 << index;
    for (let b = 0; b < 256; b++) if (signature.before[b] === 1) before[b]! |= bit;
    before[START]! |= bit;
    at.forEach((table, position) => {
      const set = signature.shape[position];
      for (let b = 0; b < 256; b++) if (!set || set[b] === 1) table[b]! |= bit;
    });
  });
  const pairs = pairTable(before, at);
  if (!pairs) return null;
  const tables = { before, at, ...pairs };
  const scans = [...(merged.length > 0 ? [candidateScan(tables)] : []), ...(runs.length > 0 ? [runScan(runs)] : [])];
  if (scans.length === 1) return { ...tables, next: scans[0]!, scans };
  // Each search stops at the first candidate found so far: one call reads a position at most once per search.
  const next: StartFilter['next'] = (bytes, from, to, whole) => {
    let first = to;
    for (const scan of scans) first = scan(bytes, from, first, whole);
    return first;
  };
  return { ...tables, next, scans };
}

/**
 * The filter's candidates in `bytes[0, to)`, asked for in order: `(from) => first candidate
 * ≥ from, or to`, for `from` never decreasing. Each search's next candidate is kept, so the
 * frequent candidates of one search (a rule's check rejecting them) do not make another search
 * its own sparse ones again.
 */
export function candidateCursor(filter: StartFilter, bytes: Uint8Array, to: number, whole: boolean): (from: number) => number {
  const { scans } = filter;
  const nextOf = scans.map(() => -1);
  return (from) => {
    let first = to;
    for (let k = 0; k < scans.length; k++) {
      if (nextOf[k]! < from) nextOf[k] = scans[k]!(bytes, from, to, whole);
      if (nextOf[k]! < first) first = nextOf[k]!;
    }
    return first;
  };
}

