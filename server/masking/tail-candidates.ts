import RE2 from 're2';
import type { CompiledRules } from './compile-rules';
import type { Match } from './find-matches';
import { markBytes, maxLength, minLength, partialPattern } from './regex-analysis';
import type { RegexNode } from './regex-ast';
import { printRegex, type PrintOptions } from './regex-print';

/**
 * A stream that ends (a recording's session ends, or its held bytes reach their bound) may end
 * in the middle of a possible secret: `printf AKIAIOSFODNN7EXAMPL; exit` leaves 19 of the key's
 * 20 characters held, and releasing them raw would store all but one character of a key that
 * an insider completes by guessing. Such a tail is masked once it shows more than its rule's
 * head (the part that names the kind of secret and reveals nothing of it: `AKIA`, `ghp_`,
 * `password=`), and only if it is at least MIN_TAIL characters long: a lone `4` or `AK` at the
 * end of a session is left as it is, everything longer fails closed.
 */
const MIN_TAIL = 4;

interface TailRule {
  rule: number;
  /** Matches where the rest of the text is a prefix of a match of this rule alone. */
  partial: RegExp | RE2;
  /** The rule's head, anchored at the start (run on the candidate alone). */
  head: RegExp | RE2 | null;
  /** Bytes a match can contain: a masked tail goes on masking these (see `swallowEnd`). */
  reach: Uint8Array;
}

const cache = new WeakMap<CompiledRules, TailRule[]>();

/** Built once per rule set, on first use (streams rarely end undecided). */
function tailRules(compiled: CompiledRules): TailRule[] {
  let rules = cache.get(compiled);
  if (rules) return rules;
  rules = compiled.parsed
    .filter((p) => !compiled.blocks.has(p.index))
    .map((p) => {
      const isRe2 = compiled.rules[p.index]!.engine === 're2';
      const options: PrintOptions = { dialect: isRe2 ? 're2' : 'v8', ignoreCase: p.flags.includes('i'), dotAll: p.flags.includes('s'), keepSecretGroup: false };
      const build = (source: string, flags: string) => (isRe2 ? new RE2(source, flags) : new RegExp(source, flags));
      const head = headOf(p.ast);
      const reach = new Uint8Array(256);
      markBytes(p.ast, options.ignoreCase, options.dotAll, reach);
      return {
        rule: p.index,
        partial: build(printRegex(partialPattern(p.ast), options), 'g'),
        head: head ? build(`^(?:${printRegex(head, options)})`, '') : null,
        reach,
      };
    });
  cache.set(compiled, rules);
  return rules;
}

/**
 * The leading part of a rule that reveals nothing: everything before its `secret` group, or
 * else its leading fixed-length items (`A(?:KIA|SIA)` of `A(?:KIA|SIA)[A-Z0-9]{16}`).
 */
function headOf(ast: RegexNode): RegexNode | null {
  if (ast.type !== 'seq') return null;
  const secretAt = ast.items.findIndex(hasSecretGroup);
  const items = secretAt >= 0 ? ast.items.slice(0, secretAt) : leadingFixed(ast.items);
  return items.some((item) => maxLength(item) > 0) ? { type: 'seq', items } : null;
}

function leadingFixed(items: RegexNode[]): RegexNode[] {
  const out: RegexNode[] = [];
  for (const item of items) {
    if (item.type === 'repeat' || minLength(item) !== maxLength(item)) break;
    out.push(item);
  }
  return out;
}

function hasSecretGroup(node: RegexNode): boolean {
  switch (node.type) {
    case 'group':
      return node.name === 'secret' || hasSecretGroup(node.body);
    case 'seq':
      return node.items.some(hasSecretGroup);
    case 'alt':
      return node.options.some(hasSecretGroup);
    case 'repeat':
    case 'look':
      return hasSecretGroup(node.body);
    default:
      return false;
  }
}

/**
 * The undecided tail of `latin1` (from `from` on, after every decided match) that would reveal
 * part of a possible secret, as a match to mask: the earliest such candidate of any rule (at
 * the same start, the rule with the shortest matches: the most specific), its head kept. Null
 * when the tail is harmless.
 */
export function revealingTail(compiled: CompiledRules, latin1: string, bytes: Buffer, from: number): Match | null {
  const n = latin1.length;
  let best: Match | null = null;
  for (const { rule, partial, head } of tailRules(compiled)) {
    const isRe2 = partial instanceof RE2;
    let at = Math.max(from, n - compiled.rules[rule]!.maxLength);
    const isBetterAt = (start: number) =>
      best === null || start < best.start || (start === best.start && compiled.rules[rule]!.maxLength < compiled.rules[best.rule]!.maxLength);
    while (at < n && isBetterAt(at)) {
      partial.lastIndex = at;
      const m = isRe2 ? partial.exec(bytes as never) : partial.exec(latin1);
      if (m === null || !isBetterAt(m.index)) break;
      const start = m.index;
      const candidate = latin1.slice(start);
      const headLength = head ? ((head instanceof RE2 ? head.exec(bytes.subarray(start) as never) : head.exec(candidate))?.[0].length ?? -1) : 0;
      if (
        candidate.length >= MIN_TAIL &&
        headLength >= 0 &&
        start + headLength < n &&
        mayBeSecret(compiled, rule, candidate.slice(headLength), headLength >= 2)
      ) {
        best = { start, end: n, maskStart: start + headLength, maskEnd: n, rule };
        break;
      }
      at = start + 1;
    }
  }
  return best;
}

/**
 * A rule that finds secrets by their context alone (`generic`: `note = …` for a random value)
 * says nothing about the secret's shape until its check passes, so its tail is masked only if
 * the part shown already passes that check: `note = NULL` at the end of a statement is released,
 * `note = xK9mQ2pL7vN4…` cut at the session's end is not. A rule that names its secret
 * (`AKIA…`, `ghp_…`, a key block) fails closed on any tail, as above.
 */
function mayBeSecret(compiled: CompiledRules, rule: number, shown: string, hasHead: boolean): boolean {
  const { generic, validate } = compiled.rules[rule]!;
  // A rule with no head that names it (an e-mail address's first character, a key body) starts
  // like any word: a tail of letters alone is the word that ends the text (`FROM users`).
  if (!hasHead && /^[A-Za-z]+$/.test(shown)) return false;
  return !generic || !validate || validate(shown);
}

/** A tail masked when the stream was cut: masking goes on over what can still belong to it. */
export function swallowEnd(compiled: CompiledRules, rule: number, latin1: string, from: number): number {
  const reach = tailRules(compiled).find((t) => t.rule === rule)?.reach;
  let end = from;
  while (reach && end < latin1.length && reach[latin1.charCodeAt(end)] === 1) end++;
  return end;
}
