import type { MaskingCustomRuleRow } from '@/db/masking-schema';
import { selectRules, type RuleOverride } from '../masking/built-in-rules';
import { compileCustomRule } from '../masking/custom-rule';
import { rawIndex, stripAnsi } from '../masking/ansi';
import { maskText } from '../masking/mask-text';
import { createMasker, type Masker } from '../masking/masker';
import type { MaskRule } from '../masking/types';

/** A secret in a line of screen text: UTF-8 byte offsets [start, end) and the rule's name. */
export type SecretSpan = { start: number; end: number; rule: string };
export type SecretFinder = (text: string) => SecretSpan[];

/** The rules a recording's screen is checked with: plain data, so they can go to a worker. */
export type ScreenRules = { overrides: Record<string, RuleOverride>; custom: MaskingCustomRuleRow[] };

/** As the session's masker is built (rules-store/load-masking.ts), without the database. */
export function rulesMasker(rules: ScreenRules): Masker {
  const custom: MaskRule[] = [];
  for (const row of rules.custom) {
    try {
      custom.push(
        compileCustomRule({
          id: row.id,
          name: row.name,
          pattern: row.pattern,
          replacement: row.replacement ?? undefined,
          strategy: row.strategy,
          caseInsensitive: row.caseInsensitive,
        }),
      );
    } catch {
      // Validated when saved; the session's masker skipped it too.
    }
  }
  return createMasker(selectRules(rules.overrides, custom));
}

export function screenSecretFinder(rules: ScreenRules): SecretFinder {
  return secretFinder(rulesMasker(rules));
}

/**
 * Finds secrets in one line of screen text with the session's masker. The masker tells where
 * its replacements sit in its output; the text between them is copied from the input, which
 * locates each secret in the input. If that reconstruction does not give the masker's output
 * back, the whole line is reported (fail closed).
 */
export function secretFinder(masker: Masker): SecretFinder {
  const findIn = spanFinder(masker);
  return (text) => {
    const input = Buffer.from(text, 'utf8');
    // A cell's text may hold characters drawn as nothing (a zero-width space inside a key):
    // the masker skips them and puts them after its replacement, where the reconstruction
    // cannot place them (it fell back to the whole line). Spans are found in the text without
    // them and mapped back onto it.
    const { cleanBytes, escapes } = stripAnsi(input, true);
    if (escapes.length === 0) return findIn(input);
    const rawAt = (cleanPos: number) => rawIndex(escapes, cleanPos, { next: 0 });
    return findIn(cleanBytes).map((span) => ({ ...span, start: rawAt(span.start), end: rawAt(span.end) }));
  };
}

function spanFinder(masker: Masker): (input: Buffer) => SecretSpan[] {
  return (input) => {
    const { output, events } = maskText(masker, input);
    if (events.length === 0) return [];
    // Replacements side by side are one span.
    const groups: { from: number; to: number; rule: string }[] = [];
    for (const event of events) {
      const last = groups[groups.length - 1];
      if (last && last.to === event.offset) last.to = event.offset + event.length;
      else groups.push({ from: event.offset, to: event.offset + event.length, rule: event.rule });
    }
    const kept = groups.map((group, i) => output.subarray(i === 0 ? 0 : groups[i - 1]!.to, group.from));
    const tail = output.subarray(groups[groups.length - 1]!.to);
    const spans: SecretSpan[] = [];
    let start = kept[0]!.length;
    if (!input.subarray(0, start).equals(kept[0]!)) return [wholeRange(input, groups)];
    for (let i = 0; i < groups.length; i++) {
      const next = kept[i + 1];
      const end = next ? input.indexOf(next, start + 1) : input.length - tail.length;
      if (end <= start) return [wholeRange(input, groups)];
      spans.push({ start, end, rule: groups[i]!.rule });
      if (next) start = end + next.length;
    }
    if (!input.subarray(input.length - tail.length).equals(tail)) return [wholeRange(input, groups)];
    return spans;
  };
}

/** Where the offsets do not add up: the whole line, under the first rule's name. */
function wholeRange(input: Buffer, groups: readonly { rule: string }[]): SecretSpan {
  return { start: 0, end: input.length, rule: groups[0]!.rule };
}

/** A secret the screen check finds in a line is replaced as the screen paints it (lib/recording/screen-mask.ts). */
const LINE_MASK = '*';

/**
 * The line with every secret `findSecrets` finds replaced, one mask character per character
 * (spans are UTF-8 byte offsets): for text read off the screen that is stored as text (search
 * lines, commands, the failure a command's output shows).
 */
export function maskLine(text: string, findSecrets: SecretFinder | null): string {
  if (!findSecrets || text.length < 8) return text;
  const spans = findSecrets(text);
  if (spans.length === 0) return text;
  const bytes = Buffer.from(text, 'utf8');
  const parts: string[] = [];
  let from = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < from) {
      from = Math.max(from, span.end);
      continue;
    }
    const secret = bytes.subarray(span.start, span.end).toString('utf8');
    parts.push(bytes.subarray(from, span.start).toString('utf8'), LINE_MASK.repeat([...secret].length));
    from = span.end;
  }
  parts.push(bytes.subarray(Math.min(from, bytes.length)).toString('utf8'));
  return parts.join('');
}
