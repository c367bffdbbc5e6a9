/**
 * A SQL statement's pattern, so runs that differ only in their values count as one:
 * literals (strings, numbers, `$1` parameters, dollar-quoted bodies) become `?`, lists of them
 * fold (`IN (1, 2, 3)` and multi-row `VALUES` → `(?)`), comments go, case and blanks are
 * evened out. Quoted identifiers (`"User"`, `` `order` ``) are kept as written.
 */
const MAX_PATTERN = 200;

/** Replaces literals and drops comments; quoted identifiers pass through untouched (marked with \u0000). */
function stripLiterals(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
    } else if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      out += ' ';
    } else if (ch === "'" || ((ch === 'E' || ch === 'e') && next === "'" && !/\w/.test(sql[i - 1] ?? ''))) {
      i = skipQuoted(sql, ch === "'" ? i : i + 1, "'");
      out += '?';
    } else if (ch === '"' || ch === '`') {
      const end = skipQuoted(sql, i, ch);
      out += `\u0000${sql.slice(i, end)}\u0000`;
      i = end;
    } else if (ch === '$') {
      const tag = /^\$(?:[A-Za-z_]\w*)?\$/.exec(sql.slice(i));
      const param = /^\$\d+/.exec(sql.slice(i));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        i = end < 0 ? sql.length : end + tag[0].length;
        out += '?';
      } else if (param) {
        i += param[0].length;
        out += '?';
      } else out += sql[i++];
    } else out += sql[i++];
  }
  return out;
}

/** The index just past a quoted run starting at `start`; a doubled quote is an escaped one. */
function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === '\\' && quote === "'") i += 2;
    else if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

export function normaliseSql(text: string): string {
  const pieces = stripLiterals(text).split('\u0000');
  // Odd pieces are quoted identifiers: everything else is folded.
  const folded = pieces
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece
            .toLowerCase()
            .replace(/(?<![\w$])[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?(?![\w$])/g, '?')
            .replace(/\s*(?<![<>!:=-])(<>|!=|<=|>=|=)(?![=>])\s*/g, ' $1 ')
            .replace(/\s+/g, ' ')
            .replace(/\(\s+/g, '(')
            .replace(/\s+\)/g, ')')
            .replace(/\s*,\s*/g, ', '),
    )
    .join('');
  const pattern = folded
    .replace(/\((?:\?|null)(?:, (?:\?|null|true|false|default))+\)/g, '(?)')
    .replace(/\(\?\)(?:, \(\?\))+/g, '(?)')
    .trim()
    .replace(/\s*;+$/, '');
  return pattern.length > MAX_PATTERN ? `${pattern.slice(0, MAX_PATTERN - 1)}…` : pattern;
}
