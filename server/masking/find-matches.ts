import type { CombinedPass, CompiledRules, HoldPattern } from './compile-rules';
import type { StartFilter } from './regex-prefilter';
import type { SearchedRanges } from './searched-ranges';
import type { MaskRule, SeenSecret } from './types';

/** A match in the scanned text (context included): its whole extent and the part to mask. */
export interface Match {
  start: number;
  end: number;
  maskStart: number;
  maskEnd: number;
  /** Rule index, or -1 for the continuation of a block that was already labelled. */
  rule: number;
}

/**
 * The secrets decided matches mask, for the session to learn (learned-secrets.ts); a block's
 * continuation (rule -1) is no secret of its own.
 */
export function seenSecrets(rules: readonly MaskRule[], latin1: string, decided: readonly Match[]): SeenSecret[] {
  return decided.filter((m) => m.rule >= 0).map((m) => ({ rule: rules[m.rule]!, value: latin1.slice(m.maskStart, m.maskEnd) }));
}

/** The `secret` group's span in the rule alone matched at `start`: the same match as the combined pass found. */
function secretSpan(secretAt: Scannable | undefined, input: string | Buffer, start: number): [number, number] | undefined {
  if (!secretAt) return undefined;
  secretAt.lastIndex = start;
  return secretAt.exec(input as never)?.indices?.[1];
}

type ExecResult = RegExpExecArray & { indices?: Array<[number, number] | undefined> };

interface Scannable {
  lastIndex: number;
  exec(input: never): ExecResult | null;
}

/**
 * Runs one combined pass from `from` (`clean`: the bytes `latin1` holds). Stops at a block
 * rule's opening match and returns its position in `block` so the caller can follow the block;
 * candidates failing `validate` are dropped and scanning resumes one character later.
 */
export function scanPass<R extends Scannable>(
  compiled: CompiledRules,
  pass: CombinedPass<R>,
  input: string | Buffer,
  latin1: string,
  clean: Uint8Array,
  from: number,
  matches: Match[],
  searched?: SearchedRanges,
): { blockRule: number; start: number; end: number } | null {
  let at = from;
  for (;;) {
    const m = nextCandidate(pass, input, clean, at, clean.length, searched);
    if (m === null) return null;
    const start = m.index;
    const end = start + m[0].length;
    if (end === start) {
      at = start + 1;
      continue;
    }
    const ruleIndex = ruleOf(pass, m).rule;
    if (compiled.blocks.has(ruleIndex)) return { blockRule: ruleIndex, start, end };
    let match = resolve(compiled, pass, m, input, latin1);
    if (match === null) {
      at = start + 1;
      continue;
    }
    if (compiled.rules[ruleIndex]!.generic) match = preferSpecific(compiled, pass, input, latin1, clean, match);
    matches.push(match);
    at = match.end;
  }
}

function nextCandidate<R extends Scannable>(
  pass: CombinedPass<R>,
  input: string | Buffer,
  clean: Uint8Array,
  at: number,
  limit: number,
  searched?: SearchedRanges,
): ExecResult | null {
  if (pass.start) return execAtCandidates(pass.start.filter, pass.start.sticky, input, clean, at, limit, true, searched);
  const m = execFrom(pass.scan, input, at);
  return m !== null && m.index < limit ? m : null;
}

function ruleOf<R>(pass: CombinedPass<R>, m: ExecResult): CombinedPass<R>['groups'][number] {
  for (const g of pass.groups) if (m[g.group] !== undefined) return g;
  return pass.groups[0]!;
}

/** The candidate's rule, extent and masked part, or null when its rule's check rejects it. */
function resolve<R extends Scannable>(compiled: CompiledRules, pass: CombinedPass<R>, m: ExecResult, input: string | Buffer, latin1: string): Match | null {
  const start = m.index;
  const end = start + m[0].length;
  const alternative = ruleOf(pass, m);
  let maskStart = start;
  let maskEnd = end;
  const secret = alternative.secret >= 0 ? (m.indices ? m.indices[alternative.secret] : secretSpan(alternative.secretAt, input, start)) : undefined;
  if (secret) [maskStart, maskEnd] = secret;
  const validate = compiled.rules[alternative.rule]!.validate;
  if (validate && !validate(latin1.slice(maskStart, maskEnd))) return null;
  return { start, end, maskStart, maskEnd, rule: alternative.rule };
}

/**
 * A generic rule's match (found by its context: `token=…`) that overlaps a secret a specific
 * rule recognises by its own format (`token=ghp_…`) is named by the specific rule; the mask
 * covers both, so nothing the generic rule would have hidden is shown.
 */
function preferSpecific<R extends Scannable>(
  compiled: CompiledRules,
  pass: CombinedPass<R>,
  input: string | Buffer,
  latin1: string,
  clean: Uint8Array,
  generic: Match,
): Match {
  for (let at = generic.start + 1; at < generic.maskEnd;) {
    const m = nextCandidate(pass, input, clean, at, generic.maskEnd);
    if (m === null) return generic;
    at = m.index + 1;
    const rule = ruleOf(pass, m).rule;
    if (m[0].length === 0 || compiled.rules[rule]!.generic || compiled.blocks.has(rule)) continue;
    const specific = resolve(compiled, pass, m, input, latin1);
    if (specific === null || specific.maskEnd <= generic.maskStart) continue;
    return {
      start: Math.min(generic.start, specific.start),
      end: Math.max(generic.end, specific.end),
      maskStart: Math.min(generic.maskStart, specific.maskStart),
      maskEnd: Math.max(generic.maskEnd, specific.maskEnd),
      rule,
    };
  }
  return generic;
}

function execFrom(re: Scannable, input: string | Buffer, from: number): ExecResult | null {
  re.lastIndex = from;
  return re.exec(input as never);
}

/**
 * The leftmost match from `from`, as the global regex would find it, with the sticky regex
 * tried only where the start filter allows a match: every other position cannot start one.
 */
function execAtCandidates(
  filter: StartFilter,
  sticky: Scannable,
  input: string | Buffer,
  clean: Uint8Array,
  from: number,
  limit: number,
  whole: boolean,
  searched?: SearchedRanges,
): ExecResult | null {
  const n = limit;
  const memo = searched?.filter === filter && searched.bytes === clean ? searched : undefined;
  for (let at = candidateFrom(filter, clean, from, n, whole, memo); at < n; at = candidateFrom(filter, clean, at + 1, n, whole, memo)) {
    sticky.lastIndex = at;
    const m = sticky.exec(input as never);
    if (m !== null) return m;
  }
  return null;
}

/**
 * The filter's first candidate in `[from, to)`: the search for whole matches records it in
 * `searched`, the search for matches in progress reads it from there where it can.
 */
function candidateFrom(filter: StartFilter, clean: Uint8Array, from: number, to: number, whole: boolean, searched?: SearchedRanges): number {
  if (searched && !whole) {
    const known = searched.recall(from, to);
    if (known >= 0) return known;
  }
  const at = filter.next(clean, from, to, whole);
  if (searched && whole) searched.add(from, at);
  return at;
}

export type BlockScan = { kind: 'closed'; end: number } | { kind: 'open'; searched: number } | { kind: 'capped' };

/**
 * Follows a block (PEM) opened at `start`: closed by its end marker, or early by a character
 * that cannot be in its body (masked up to there: fail closed). `resumeAt` skips text already
 * searched in an earlier step.
 */
export function scanBlock(
  compiled: CompiledRules,
  ruleIndex: number,
  text: string,
  start: number,
  openEnd: number,
  resumeAt: number,
  final: boolean,
): BlockScan {
  const block = compiled.blocks.get(ruleIndex)!;
  const n = text.length;
  block.end.lastIndex = Math.max(openEnd, resumeAt - block.endBytes);
  const endMatch = block.end.exec(text);
  block.outsideBody.lastIndex = Math.max(openEnd, resumeAt);
  const outside = block.outsideBody.exec(text);
  if (endMatch && (!outside || endMatch.index < outside.index)) {
    return { kind: 'closed', end: endMatch.index + endMatch[0].length };
  }
  if (outside) return { kind: 'closed', end: outside.index };
  if (final || n - start >= compiled.rules[ruleIndex]!.maxLength) return { kind: 'capped' };
  return { kind: 'open', searched: n };
}

/**
 * A block past its cap: everything is masked until its end marker (which may straddle the
 * previous chunk: `tail` holds the last bytes seen) or a character outside its body.
 */
export function continueBlock(compiled: CompiledRules, ruleIndex: number, tail: string, text: string, from: number): { end: number; isClosed: boolean } {
  const block = compiled.blocks.get(ruleIndex)!;
  block.outsideBody.lastIndex = from;
  const outside = block.outsideBody.exec(text);
  const limit = outside ? outside.index : text.length;
  const window = tail + text.slice(from, limit);
  block.end.lastIndex = 0;
  const endMatch = block.end.exec(window);
  if (endMatch) return { end: from + endMatch.index + endMatch[0].length - tail.length, isClosed: true };
  return outside ? { end: outside.index, isClosed: true } : { end: text.length, isClosed: false };
}

/**
 * The earliest position from which the rest of the text could still become or extend a match,
 * or `n` when nothing needs holding. A backward scan over bytes that can occur in a match finds
 * where to start looking, so ordinary frames cost one short regex search.
 */
export function findPartialStart(compiled: CompiledRules, latin1: string, from: number, bytes: Uint8Array, searched?: SearchedRanges): number {
  let hold = latin1.length;
  if (compiled.v8) hold = earliestPartial(compiled.v8.partials, latin1, from, hold, bytes, compiled.v8.start?.filter, searched);
  if (compiled.re2) hold = earliestPartial(compiled.re2.partials, bytes as Buffer, from, hold, bytes);
  return hold;
}

function earliestPartial<R extends Scannable>(
  partials: Array<HoldPattern<R>>,
  input: string | Buffer,
  from: number,
  hold: number,
  bytes: Uint8Array,
  filter?: StartFilter,
  searched?: SearchedRanges,
): number {
  const n = bytes.length;
  // The filter's first candidate from `searchedFrom` on: a group whose backward scan stops at or
  // after it needs no search of its own. The groups reaching furthest back (spaces: the last
  // line) come last in `partials`, so they are looked at first; on base64 lines every group
  // reaches back to the line's start, and the line is searched once.
  let searchedFrom = n;
  let candidate = n;
  for (let k = partials.length - 1; k >= 0; k--) {
    const { regex, reachStart, start } = partials[k]!;
    let j = reachStart(bytes, from, n);
    if (j === n) continue;
    if (start) {
      // A match in progress starts where a whole match could: at a candidate of the start filter.
      const m = execAtCandidates(start.filter, start.sticky, input, bytes, j, Math.min(hold, n), false, searched);
      if (m) hold = m.index;
      continue;
    }
    if (filter) {
      if (j < searchedFrom || j > candidate) {
        searchedFrom = j;
        candidate = filter.next(bytes, j, n);
      }
      j = candidate;
    }
    if (j === n) continue;
    regex.lastIndex = j;
    const m = regex.exec(input as never);
    if (m && m.index < hold) hold = m.index;
  }
  return hold;
}
