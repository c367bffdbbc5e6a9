import { createMasker, type Masker } from './masker';
import type { MaskRule, MaskStepResult } from './types';

/**
 * Secrets shorter than this are not learned: a short value (a generic rule's `pin=1234`) would
 * mask ordinary text all through the session.
 */
export const MIN_LEARNED_LENGTH = 6;
/** Longer values are blocks (a private key), found again by their own rule. */
const MAX_LEARNED_LENGTH = 512;
/** Values learned per session, at most: each one is an alternative of a rule compiled anew. */
export const MAX_LEARNED = 64;

/**
 * A session's masker that also masks every secret its rules have masked so far, wherever it
 * appears later, as a value alone: `export AWS_SECRET_ACCESS_KEY=…; echo $AWS_SECRET_ACCESS_KEY`
 * prints the key with nothing around it that a rule could recognise. Like a CI system's
 * registered secrets, the values are kept in memory for the session only, never stored.
 *
 * A step that sees new values compiles the rules again with them as literal alternatives
 * (rare: a session sees few secrets; 5-17 ms on the 2-core machine under tsx, the V8 rules'
 * start filter reused from its cache). A state is portable from one compiled set to the next: it holds
 * raw bytes and offsets, and the added rules come after the others, so rule indices stay.
 * One learning masker per session, shared by its input and output streams: a secret typed
 * in a command is masked in what the command prints.
 */
export function learningMasker(base: Masker): Masker {
  const learned = new Map<string, MaskRule>();
  let current = base;
  const learn = (result: MaskStepResult): MaskStepResult => {
    if (!result.seen || learned.size >= MAX_LEARNED) return result;
    const fresh = result.seen.filter(({ value }) => isLearnable(value) && !learned.has(value));
    if (fresh.length === 0) return result;
    for (const { value, rule } of fresh.slice(0, MAX_LEARNED - learned.size)) learned.set(value, rule);
    current = createMasker([...base.rules, ...learnedRules(learned)]);
    return result;
  };
  return {
    get rules() {
      return current.rules;
    },
    initialState: base.initialState,
    step: (state, chunk) => learn(current.step(state, chunk)),
    flush: (state) => current.flush(state),
    end: (state) => current.end(state),
  };
}

/** Printable ASCII only: the RE2 pass reads bytes as UTF-8, where `\xHH` past 0x7f is another character. */
function isLearnable(value: string): boolean {
  return value.length >= MIN_LEARNED_LENGTH && value.length <= MAX_LEARNED_LENGTH && /^[\x20-\x7e]+$/.test(value);
}

/**
 * One rule per rule that masked something, matching its values literally, with its label: the
 * key echoed later reads `[MASKED:aws-secret]` as it did in the command.
 */
function learnedRules(learned: ReadonlyMap<string, MaskRule>): MaskRule[] {
  const byRule = new Map<MaskRule, string[]>();
  for (const [value, rule] of learned) byRule.set(rule, [...(byRule.get(rule) ?? []), value]);
  return [...byRule].map(([rule, values]) => ({
    id: `learned:${rule.id}`,
    name: `${rule.name} (seen earlier in the session)`,
    label: rule.label,
    strategy: 'label',
    // Longest first: a value that begins another is not matched in its place.
    pattern: [...values]
      .sort((a, b) => b.length - a.length)
      .map(literal)
      .join('|'),
    maxLength: Math.max(...values.map((value) => value.length)),
    enabledByDefault: true,
    // In the RE2 pass: the V8 rules' start filter, the costly part to build, is then reused.
    engine: 're2',
  }));
}

/** A value as a pattern of itself: every byte but letters and digits escaped (the value is latin1). */
function literal(value: string): string {
  return value.replace(/[^A-Za-z0-9]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
