import RE2 from 're2';
import { parseRegex, type RegexNode } from './regex-ast';
import { hoistLeadingLookbehind } from './hoist-lookbehind';
import { markBytes, markFirstBytes, maxLength as astMaxLength, partialPattern } from './regex-analysis';
import { buildStartFilter, type StartFilter } from './regex-prefilter';
import { reachStartOf, type ReachStart } from './reach-start';
import { filterRule } from './start-filter';
import { printRegex, type PrintOptions } from './regex-print';
import type { MaskRule } from './types';

/** Bytes of already-emitted text kept for lookbehinds (the longest built-in one is ~40). */
export const CONTEXT_BYTES = 64;

/** What the step function needs, built once per rule set. */
export interface CompiledRules {
  rules: readonly MaskRule[];
  labels: Buffer[];
  /** All V8 rules as one alternation (`(rule0)|(rule1)|…`, flags `gd`). */
  v8: CombinedPass<RegExp> | null;
  /** Admin rules, linear-time, run on the clean bytes. */
  re2: CombinedPass<RE2> | null;
  /** Block rules (PEM) by rule index. */
  blocks: Map<number, { end: RegExp; outsideBody: RegExp; endBytes: number }>;
  /** No match in progress is longer than this (blocks excepted). */
  maxHold: number;
  /** Each rule's parsed pattern (leading lookbehind hoisted), by rule index. */
  parsed: readonly ParsedRule[];
}

export interface CombinedPass<R> {
  scan: R;
  /**
   * Hold-back: each regex matches where the rest of the buffer could still become (or extend)
   * a match; `reachStart` scans back over the bytes such a tail can contain to find where to
   * start looking.
   */
  partials: Array<HoldPattern<R>>;
  /** Whether a block rule (PEM) is in this pass. */
  hasBlock: boolean;
  /** Per alternative: rule index, capture group of the whole rule, of its `secret` (or -1). */
  groups: Array<{ rule: number; group: number; secret: number; secretAt?: R }>;
  /**
   * V8 only: where a match may start (a cheap byte test), and `scan` as a sticky regex to try
   * at those positions alone, without match indices (building them for every group of every
   * match is costly): a rule with a `secret` group has `secretAt`, the rule alone, sticky, with
   * indices, run where it matched. `null` when the rules give nothing to filter on.
   */
  start: { filter: StartFilter; sticky: R } | null;
}

/** One group of hold-back patterns (see `splitByReach`). */
export interface HoldPattern<R> {
  regex: R;
  /** Where a match in progress may begin: the start of the last run of bytes such a tail can contain. */
  reachStart: ReachStart;
  /**
   * V8, multi-line rules only: where a match of this group's rules may start, and `regex` as a
   * sticky regex to try there alone (their backward scan stops far back, their candidates are
   * few). Without it, `regex` runs from the pass's first start-filter candidate after the
   * backward scan's stop (a word or a line: a short search).
   */
  start?: { filter: StartFilter; sticky: R };
}

export interface ParsedRule {
  index: number;
  ast: RegexNode;
  /** Before hoisting: leading assertions still lead (what the start filter reads). */
  original: RegexNode;
  flags: string;
}

export function compileRules(rules: readonly MaskRule[]): CompiledRules {
  const parsed = rules.map((rule, index): ParsedRule => {
    const { ast, flags } = parseRegex(rule.pattern, rule.flags);
    return { index, ast: hoistLeadingLookbehind(ast), original: ast, flags };
  });
  let maxHold = 0;
  const blocks: CompiledRules['blocks'] = new Map();
  for (const { index, ast } of parsed) {
    const rule = rules[index]!;
    maxHold = Math.max(maxHold, rule.block ? astMaxLength(ast) : rule.maxLength);
    if (rule.block) blocks.set(index, compileBlock(rule.block));
  }
  const isRe2 = (p: ParsedRule): boolean => rules[p.index]!.engine === 're2';
  const v8Rules = parsed.filter((p) => !isRe2(p));
  const re2Rules = parsed.filter(isRe2);
  const buildV8 = (source: string, flags: string): RegExp => new RegExp(source, flags);
  return {
    rules,
    labels: rules.map((rule) => Buffer.from(rule.label, 'utf8')),
    v8: v8Rules.length ? combine(v8Rules, 'v8', buildV8, rules) : null,
    re2: re2Rules.length ? combine(re2Rules, 're2', (source, flags) => new RE2(source, flags), rules) : null,
    blocks,
    maxHold,
    parsed,
  };
}

function combine<R>(parsed: ParsedRule[], dialect: 'v8' | 're2', build: (source: string, flags: string) => R, rules: readonly MaskRule[]): CombinedPass<R> {
  const groups: CombinedPass<R>['groups'] = [];
  let group = 1;
  const printRule = (p: ParsedRule, ast: RegexNode): string => {
    const hasSecret = containsSecretGroup(ast);
    const secretAt = hasSecret && dialect === 'v8' ? build(printRegex(p.ast, printOptions(p, dialect, true)), 'yd') : undefined;
    groups.push({ rule: p.index, group, secret: hasSecret ? group + 1 : -1, secretAt });
    group += hasSecret ? 2 : 1;
    return `(${printRegex(ast, printOptions(p, dialect, true))})`;
  };
  const alternatives = factorByFirstAtom(parsed).map(({ head, members }) => {
    if (!head) return printRule(members[0]!, members[0]!.ast);
    const rests = members.map((p) => printRule(p, { type: 'seq', items: (p.ast as SeqNode).items.slice(1) }));
    return `${printRegex(head, printOptions(members[0]!, dialect, false))}(?:${rests.join('|')})`;
  });
  const filterOf = (rules: ParsedRule[]): StartFilter | null => (dialect === 'v8' ? buildStartFilter(rules.map((p) => filterRule(p.original, p.flags))) : null);
  const source = alternatives.join('|');
  const filter = filterOf(parsed);
  // A multi-line part's matches in progress are looked for at the candidates of the whole pass's
  // filter (a superset of the part's own): a second filter of key bodies alone would be a second
  // instance of the same search closures, and V8 then optimizes both for neither (each instance
  // of a closure over its tables runs fastest when it is the only one).
  const partials = splitByReach(parsed).map((part): HoldPattern<R> => {
    const partial = part.rules.map((p) => printRegex(partialPattern(p.ast), printOptions(p, dialect, false))).join('|');
    const start = part.multiLine && filter ? { filter, sticky: build(partial, 'y') } : undefined;
    return { regex: build(partial, 'g'), reachStart: filter?.reachStart?.(part.reach) ?? reachStartOf(part.reach), start };
  });
  return {
    scan: build(source, 'gd'),
    partials,
    groups,
    hasBlock: parsed.some((p) => rules[p.index]!.block !== undefined),
    start: filter ? { filter, sticky: build(source, 'y') } : null,
  };
}

type SeqNode = Extract<RegexNode, { type: 'seq' }>;

function printOptions(p: ParsedRule, dialect: 'v8' | 're2', keepSecretGroup: boolean): PrintOptions {
  return { dialect, ignoreCase: p.flags.includes('i'), dotAll: p.flags.includes('s'), keepSecretGroup };
}

/**
 * Rules that start with the same character share one branch (`A(?:(KIA…)|(Iza…))`): the regex
 * engine then tests that character once per position instead of once per rule. A rule only
 * moves up past rules that cannot start with the same byte, so priorities are unchanged.
 */
function factorByFirstAtom(parsed: ParsedRule[]): Array<{ head?: RegexNode; members: ParsedRule[] }> {
  const out: Array<{ head?: RegexNode; key?: string; first: Uint8Array; members: ParsedRule[] }> = [];
  for (const p of parsed) {
    const first = new Uint8Array(256);
    markFirstBytes(p.ast, p.flags.includes('i'), p.flags.includes('s'), first);
    const head = p.ast.type === 'seq' && p.ast.items.length > 1 ? p.ast.items[0] : undefined;
    const key = head?.type === 'char' ? `${head.code}/${p.flags.includes('i')}` : undefined;
    let target: (typeof out)[number] | undefined;
    for (let i = out.length - 1; i >= 0 && key; i--) {
      const candidate = out[i]!;
      if (candidate.key === key) {
        target = candidate;
        break;
      }
      if (candidate.first.some((b, byte) => b === 1 && first[byte] === 1)) break;
    }
    if (target) {
      target.members.push(p);
      target.first.forEach((b, byte) => (target.first[byte] = b | first[byte]!));
    } else {
      out.push({ head: key ? head : undefined, key, first, members: [p] });
    }
  }
  return out.map(({ head, members }) => (members.length > 1 ? { head, members } : { members }));
}

/**
 * Splits the hold-back patterns by how far back a match in progress can reach: rules whose
 * matches never contain a space are looked for only in the last word of the buffer, rules
 * whose matches never contain a line break only in the last line; only multi-line rules (key
 * bodies) scan further back, and their start filter finds their few candidates there.
 */
function splitByReach(parsed: ParsedRule[]): Array<{ rules: ParsedRule[]; reach: Uint8Array; multiLine: boolean }> {
  const parts = [0, 1, 2].map((part) => ({ rules: [] as ParsedRule[], reach: new Uint8Array(256), multiLine: part === 2 }));
  for (const p of parsed) {
    const bytes = new Uint8Array(256);
    markBytes(p.ast, p.flags.includes('i'), p.flags.includes('s'), bytes);
    const part = parts[bytes[0x0a] === 1 || bytes[0x0d] === 1 ? 2 : bytes[0x20] === 1 ? 1 : 0]!;
    part.rules.push(p);
    bytes.forEach((b, byte) => (part.reach[byte] = part.reach[byte]! | b));
  }
  return parts.filter((part) => part.rules.length > 0);
}

function compileBlock(block: NonNullable<MaskRule['block']>): { end: RegExp; outsideBody: RegExp; endBytes: number } {
  const end = parseRegex(block.end).ast;
  const body = parseRegex(block.body).ast;
  if (body.type !== 'class') throw new Error('A block body must be a character class');
  const options: PrintOptions = { dialect: 'v8', ignoreCase: false, dotAll: false, keepSecretGroup: false };
  return {
    end: new RegExp(printRegex(end, options), 'g'),
    outsideBody: new RegExp(printRegex({ ...body, negated: !body.negated }, options), 'g'),
    endBytes: astMaxLength(end),
  };
}

function containsSecretGroup(node: RegexNode): boolean {
  switch (node.type) {
    case 'group':
      return node.name === 'secret' || containsSecretGroup(node.body);
    case 'seq':
      return node.items.some(containsSecretGroup);
    case 'alt':
      return node.options.some(containsSecretGroup);
    case 'repeat':
    case 'look':
      return containsSecretGroup(node.body);
    default:
      return false;
  }
}
