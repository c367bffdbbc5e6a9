/**
 * The start filter's second search (see regex-prefilter.ts): rules whose matches begin with a
 * long run of one class (key bodies, random values) are found by that run, with a skip search,
 * instead of by the table of their first bytes.
 */
import type { RegexNode } from './regex-ast';
import { markBytes, markFirstBytes, maxLength, minLength } from './regex-analysis';
import type { FilterRule, StartFilter } from './start-filter';

/**
 * A rule whose match starts with at least this many bytes of one class (a key body, a random
 * value) is looked for by that run instead of the table: eight such bytes say little (every
 * long word has them), a run of 24 or 64 rarely occurs in ordinary text.
 */
const MIN_RUN = 16;

/**
 * A rule found by its leading run: every match starts with `min` to `max` bytes of `inRun`
 * (`max` is finite only when the byte after them cannot be in `inRun`: the run in the text
 * ends there, and that byte is one of `after`), after a byte allowed by `before`, and has a
 * byte of each of `needs` in the run or right after it (`(?=[A-Za-z0-9]{0,511}[A-Z])`).
 */
export interface RunSignature {
  before: Uint8Array;
  inRun: Uint8Array;
  min: number;
  max: number;
  after: Uint8Array;
  needs: Uint8Array[];
}

/** The bytes of any of the runs' classes (the union of their `inRun`). */
export function runBytesOf(runs: readonly RunSignature[]): Uint8Array {
  const union = new Uint8Array(256);
  for (const run of runs) for (let b = 0; b < 256; b++) union[b] = union[b]! | run.inRun[b]!;
  return union;
}

/** Index of "no byte before: start of the text" in `before`. */
const START = 256;
const ANY = new Uint8Array(256).fill(1);

/**
 * The run the rule's matches start with, if at least MIN_RUN long: its class is the first
 * consuming item's bytes, and it goes on over every following item that only takes those.
 */
export function leadingRun(ast: RegexNode, flags: Omit<FilterRule, 'ast'>): Omit<RunSignature, 'before'> | null {
  const items = ast.type === 'seq' ? ast.items : [ast];
  let index = 0;
  while (index < items.length && isZeroWidth(items[index]!)) index++;
  const first = items[index];
  if (!first) return null;
  const inRun = new Uint8Array(256);
  markBytes(first, flags.ignoreCase, flags.dotAll, inRun);
  let min = 0;
  let max = 0;
  for (; index < items.length; index++) {
    // A lookaround after the run's first item ends it here (`runEndsBy` reads a lookahead).
    const item = items[index]!;
    if (isZeroWidth(item)) break;
    const bytes = new Uint8Array(256);
    markBytes(item, flags.ignoreCase, flags.dotAll, bytes);
    if (bytes.some((b, byte) => b === 1 && inRun[byte] === 0)) break;
    min += minLength(item);
    max += maxLength(item);
  }
  if (min < MIN_RUN) return null;
  const rest = items.slice(index);
  const exact = runEndsBy(rest, inRun, flags);
  return { inRun, min, max: exact ? max : Infinity, after: exact ? firstAfter(rest, flags) : ANY, needs: requiredBytes(items, inRun, flags) };
}

/** The bytes the rest of the match can start with (any byte when it can be empty). */
function firstAfter(rest: RegexNode[], flags: Omit<FilterRule, 'ast'>): Uint8Array {
  const first = new Uint8Array(256);
  for (const item of rest) {
    if (isZeroWidth(item)) continue;
    if (!markFirstBytes(item, flags.ignoreCase, flags.dotAll, first)) return first;
  }
  return ANY;
}

/**
 * Leading lookaheads `(?=K{0,m}X)` with K within the run's class: the run (or the byte after
 * it) holds a byte of X. A rule states what its check needs this way so that the filter can
 * reject runs without one (`(?=[…]{0,511}[A-Z])`: a hex hash has no capital).
 */
function requiredBytes(items: RegexNode[], inRun: Uint8Array, flags: Omit<FilterRule, 'ast'>): Uint8Array[] {
  const needs: Uint8Array[] = [];
  for (const item of items) {
    if (!isZeroWidth(item)) break;
    if (item.type !== 'look' || item.behind || item.negated) continue;
    const body = item.body.type === 'group' ? item.body.body : item.body;
    if (body.type !== 'seq' || body.items.length !== 2) continue;
    const [skip, need] = body.items as [RegexNode, RegexNode];
    if (skip.type !== 'repeat' || skip.min !== 0 || (need.type !== 'class' && need.type !== 'char')) continue;
    const skipped = new Uint8Array(256);
    markBytes(skip, flags.ignoreCase, flags.dotAll, skipped);
    if (skipped.some((b, byte) => b === 1 && inRun[byte] === 0)) continue;
    const set = new Uint8Array(256);
    markBytes(need, flags.ignoreCase, flags.dotAll, set);
    needs.push(set);
  }
  return needs;
}

const isZeroWidth = (node: RegexNode): boolean => node.type === 'assert' || node.type === 'look';

/**
 * Whether every way the match goes on after its leading run takes a byte outside the run's
 * class first, or forbids one there (`(?![A-Za-z0-9+/=])`): then the run in the text ends
 * where the match's run does, and a longer run cannot start a match.
 */
function runEndsBy(items: RegexNode[], inRun: Uint8Array, flags: Omit<FilterRule, 'ast'>): boolean {
  for (const item of items) {
    if (item.type === 'look' && !item.behind && item.negated && forbidsRunByte(item.body, inRun, flags)) return true;
    if (isZeroWidth(item)) continue;
    const first = new Uint8Array(256);
    const nullable = markFirstBytes(item, flags.ignoreCase, flags.dotAll, first);
    if (first.some((b, byte) => b === 1 && inRun[byte] === 1)) return false;
    if (!nullable) return true;
  }
  return false;
}

/** A negative lookahead's body has a one-byte option covering the whole class. */
function forbidsRunByte(body: RegexNode, inRun: Uint8Array, flags: Omit<FilterRule, 'ast'>): boolean {
  const options = body.type === 'alt' ? body.options : [body];
  return options.some((option) => {
    const node = option.type === 'group' ? option.body : option;
    if (node.type !== 'class' && node.type !== 'char') return false;
    const set = new Uint8Array(256);
    markBytes(node, flags.ignoreCase, flags.dotAll, set);
    return inRun.every((b, byte) => b === 0 || set[byte] === 1);
  });
}

/**
 * The first position in `bytes[from, to)` a run signature allows. A skip search over the
 * union of the runs' classes: a run of `least` (the shortest signature's min) from any position
 * in [i, i + least) covers i + least - 1, so that byte is read first, then backwards until a
 * byte outside the runs (ordinary text: a few bytes, then a jump of about `least`). Only within
 * a run that long does each signature look for its own. Bytes past the end are unknown: a run
 * reaching the end of the text is not rejected for being short.
 *
 * Hashes, digests and paths make such runs common, so the walk over a run also gathers, per
 * byte, which signatures' classes and needed bytes it holds (`traits`): a signature whose
 * class covers the whole run is judged from those (too short, a wrong byte after it, a needed
 * byte missing) without reading the run again; only the rest go to `firstInRun`.
 */
export function runScan(runs: readonly RunSignature[]): StartFilter['next'] {
  const inAny = runBytesOf(runs);
  const least = Math.min(...runs.map((run) => run.min));
  const { traits, quick } = runTraits(runs);
  const closed = closedRunTest(runs);
  return function runNext(bytes, from, to, whole = false) {
    const n = bytes.length;
    let i = from;
    let insideAt = closed && closed.inside >= 0 ? -1 : n;
    // Bytes [i, verified) are known to be in the runs' classes (read by the last probe), with
    // their traits: the next probe reads back to there only, so no byte is read twice.
    let verified = i;
    let verifiedAll = -1;
    let verifiedSome = 0;
    while (i < to) {
      const probe = Math.min(i + least - 1, n - 1);
      const floor = Math.max(i, verified);
      let x = probe;
      let all = -1;
      let some = 0;
      for (let t: number; x >= floor && inAny[bytes[x]!] === 1; x--) {
        t = traits[bytes[x]!]!;
        all &= t;
        some |= t;
      }
      if (x >= floor) {
        i = x + 1;
        verified = probe + 1;
        verifiedAll = all;
        verifiedSome = some;
        continue;
      }
      if (floor > i) {
        all &= verifiedAll;
        some |= verifiedSome;
      }
      let end = probe + 1;
      for (let t: number; end < n && inAny[bytes[end]!] === 1; end++) {
        t = traits[bytes[end]!]!;
        all &= t;
        some |= t;
      }
      const open = end === n && !whole;
      if (closed && end < n) {
        // A closed run: most are decided from a few of their bytes (see closedRunTest).
        if (insideAt < i) insideAt = indexOrLength(bytes, closed.inside, i);
        if (!closed.test(bytes, i, end, insideAt)) {
          i = end + 1;
          verified = i;
          continue;
        }
      }
      const next = end < n ? bytes[end]! : -1;
      let first = to;
      for (let k = 0; k < runs.length; k++) {
        const run = runs[k]!;
        const q = quick[k];
        // Too short for the signature (its own run lies within this one).
        if (!open && end - i < run.min) continue;
        // No byte of the run (each one is the byte before the next position) nor the byte before it
        // is allowed before a match: no position in it can start one (base64 lines, for a value).
        if (q && (some & q.before) === 0 && run.before[i === 0 ? START : bytes[i - 1]!] === 0) continue;
        if (q && (all & q.inRun) !== 0 && !open) {
          // The whole run is in this signature's class: it is the signature's run.
          if (next >= 0 && run.after[next] === 0) continue;
          if (q.needs.some((bit, j) => (some & bit) === 0 && (next < 0 || run.needs[j]![next] === 0))) continue;
        }
        first = firstInRun(run, bytes, i, end, first, whole);
      }
      if (first < to) return first;
      i = end + 1;
      verified = i;
    }
    return to;
  };
}

/** Widest window of starts `closedRunTest` reads for a signature whose run must end where the union's does. */
const MAX_WINDOW = 16;

/**
 * Whether a run of the union's classes, `bytes[from, end)` with `bytes[end]` outside them (a
 * closed run, as the table scan's loop finds them), may hold a start of some signature, from
 * the few bytes that decide most runs: a necessary condition, `firstInRun` has the last word.
 * Base64 lines and hashes are runs of 24 to 76 bytes; reading each again (and its traits) cost
 * more than the rest of the scan on such text. Per signature, two shapes are judged:
 * - its run must end where the union's does (a byte right after its own run is never in the
 *   union: a key line ends at a line break): its starts lie in [end - max, end - min], read there;
 * - its class covers the union's (a random value): its run is the union's, and a start inside
 *   follows a byte the signature allows before it, one of `inside`, whose first position at or
 *   after `from` the caller passes (`insideAt`, found by `indexOf`: such bytes are rare).
 * `null` when some signature has another shape, or `inside` holds more than one byte.
 */
export function closedRunTest(
  runs: readonly RunSignature[],
): { inside: number; test: (bytes: Uint8Array, from: number, end: number, insideAt: number) => boolean } | null {
  const inAny = runBytesOf(runs);
  const endsWithUnion = runs.map((run) => run.max - run.min <= MAX_WINDOW && run.after.every((b, byte) => b === 0 || inAny[byte] === 0));
  const coversUnion = runs.map((run) => inAny.every((b, byte) => b === 0 || run.inRun[byte] === 1));
  if (runs.some((_, k) => !endsWithUnion[k] && !coversUnion[k])) return null;
  const inside = new Set<number>();
  runs.forEach((run, k) => {
    if (!endsWithUnion[k]) for (let b = 0; b < 256; b++) if (run.before[b] === 1 && inAny[b] === 1) inside.add(b);
  });
  if (inside.size > 1) return null;
  const test = (bytes: Uint8Array, from: number, end: number, insideAt: number): boolean => {
    const next = bytes[end]!;
    for (let k = 0; k < runs.length; k++) {
      const { before, min, max, after } = runs[k]!;
      const last = end - min;
      const first = Math.max(from, end - max);
      if (after[next] === 0 || first > last) continue;
      if (before[first === 0 ? START : bytes[first - 1]!] === 1) return true;
      if (!endsWithUnion[k]) {
        if (insideAt < last) return true;
        continue;
      }
      for (let at = first + 1; at <= last; at++) if (before[bytes[at - 1]!] === 1) return true;
    }
    return false;
  };
  return { inside: inside.size === 1 ? [...inside][0]! : -1, test };
}

/** The first position of `byte` in `bytes` from `from` on, or the length. */
export function indexOrLength(bytes: Uint8Array, byte: number, from: number): number {
  const at = bytes.indexOf(byte, from);
  return at < 0 ? bytes.length : at;
}

/**
 * Per byte, bits saying which signatures' classes, allowed bytes before and needed bytes it is in, for the first
 * signatures that fit in 31 bits (the others are always looked at by `firstInRun`).
 */
function runTraits(runs: readonly RunSignature[]): { traits: Int32Array; quick: Array<{ inRun: number; before: number; needs: number[] } | undefined> } {
  const traits = new Int32Array(256);
  const quick: Array<{ inRun: number; before: number; needs: number[] } | undefined> = [];
  let bit = 0;
  for (const run of runs) {
    if (bit + 2 + run.needs.length > 31) {
      quick.push(undefined);
      continue;
    }
    const inRun = 1 << bit++;
    const before = 1 << bit++;
    const needs = run.needs.map(() => 1 << bit++);
    for (let b = 0; b < 256; b++) {
      if (run.inRun[b] === 1) traits[b]! |= inRun;
      if (run.before[b] === 1) traits[b]! |= before;
      run.needs.forEach((need, j) => {
        if (need[b] === 1) traits[b]! |= needs[j]!;
      });
    }
    quick.push({ inRun, before, needs });
  }
  return { traits, quick };
}

/** The signature's first position in `[from, end)` (a run of the union's bytes), before `to`. */
function firstInRun(run: RunSignature, bytes: Uint8Array, from: number, end: number, to: number, whole: boolean): number {
  const { before, inRun, min, max, after, needs } = run;
  const n = bytes.length;
  for (let start = from; start < end && start < to;) {
    let stop = start;
    while (stop < end && inRun[bytes[stop]!] === 1) stop++;
    // A run reaching the end may go on: unknown, unless only whole matches are looked for.
    const open = stop === n && !whole;
    if (stop === n || after[bytes[stop]!] === 1) {
      // Each needed byte's last position in the run (or right after it): a candidate is before it.
      let needed = open ? n - 1 : stop;
      for (const need of needs) {
        if (open) break;
        let last = Math.min(stop, n - 1);
        while (last >= start && need[bytes[last]!] === 0) last--;
        needed = Math.min(needed, last);
      }
      const last = Math.min(to - 1, needed, open ? n - 1 : stop - min);
      for (let at = Math.max(start, stop - max); at <= last; at++) if (before[at === 0 ? START : bytes[at - 1]!] === 1) return at;
    }
    start = stop + 1;
  }
  return to;
}
