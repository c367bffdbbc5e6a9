/**
 * CSV for files people open in a spreadsheet: RFC 4180 quoting, plus the OWASP rule against
 * formula injection. A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * is read as a formula by Excel, LibreOffice and Google Sheets (`=HYPERLINK(...)`,
 * `@SUM(...)`, DDE), so it gets a leading `'`, which those programs show as text. That
 * includes negative numbers such as `-5` (exported as `'-5`): the rule cannot tell a number
 * from `-2+3+cmd|'/C calc'!A0`, and a query result's cells are all text here anyway.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One field: NULL (or undefined) is empty, formula starts are neutralised, then quoted if needed. */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A header row and data rows as one CSV text, CRLF line ends (RFC 4180), ending with one. */
export function toCsv(header: readonly string[], rows: Iterable<readonly (string | null | undefined)[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
