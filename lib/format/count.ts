/**
 * Counted nouns: `1 row`, `0 rows`, `12,400 rows`. The UI is written in English, and a fixed
 * locale keeps the server's render and the browser's hydration the same text.
 */
const LOCALE = 'en-US';
const rules = new Intl.PluralRules(LOCALE);
const numbers = new Intl.NumberFormat(LOCALE);

/** A noun's forms; a plain string is a regular noun (`row` → `rows`). */
export type Noun = string | { one: string; other: string };

/** `formatNumber(12400)` → `12,400`. */
export function formatNumber(value: number): string {
  return numbers.format(value);
}

/** The noun alone, in the form `count` takes: `pluralNoun(1, 'row')` → `row`. */
export function pluralNoun(count: number, noun: Noun): string {
  const forms = typeof noun === 'string' ? { one: noun, other: `${noun}s` } : noun;
  return rules.select(count) === 'one' ? forms.one : forms.other;
}

/** `formatCount(1, 'row')` → `1 row`; `formatCount(3, { one: 'match', other: 'matches' })` → `3 matches`. */
export function formatCount(count: number, noun: Noun): string {
  return `${formatNumber(count)} ${pluralNoun(count, noun)}`;
}
