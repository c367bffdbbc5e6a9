import type { ColumnMaskRule } from '@/db/sql-schema';
import { BUILT_IN_RULES } from '../masking/built-in-rules';
import { createMasker, type Masker } from '../masking/masker';
import type { MaskRule } from '../masking/types';
import type { ColumnReferences, SqlCell, SqlColumn } from '../connectors/sql/sql-connection';

/**
 * Masks result cells before anything else sees them (recording, browser): first by column
 * (rules are data: glob → strategy) matched on the name the result gives the field and on the
 * table column it reads, so `email AS e` is still `email`; then every other cell through the
 * masking engine's value detectors (card numbers, tokens, keys, ...). Statement text, errors
 * and notices go through the same detectors (`maskText`).
 *
 * A field with no trustworthy source column (an expression, a view's column, a MariaDB derived
 * table) cannot be matched that way, so it fails closed: it is masked whole when the statement
 * (or the view it comes from) reads any column a column rule masks (statement-references.ts).
 */

/** Column names that hold secrets or personal data whatever the table. */
export const BUILT_IN_COLUMN_MASKS: readonly ColumnMaskRule[] = [
  { pattern: '*password*', strategy: 'full' },
  { pattern: '*passwd*', strategy: 'full' },
  { pattern: '*secret*', strategy: 'full' },
  { pattern: '*token*', strategy: 'full' },
  { pattern: '*api_key*', strategy: 'full' },
  { pattern: '*apikey*', strategy: 'full' },
  { pattern: '*private_key*', strategy: 'full' },
  { pattern: '*card_number*', strategy: 'keep-last-4' },
  { pattern: '*cardnumber*', strategy: 'keep-last-4' },
  { pattern: 'card_no', strategy: 'keep-last-4' },
  { pattern: 'pan', strategy: 'keep-last-4' },
  { pattern: 'ssn', strategy: 'full' },
  { pattern: '*email*', strategy: 'email' },
];

export const MASK_LABEL = '[MASKED]';

export type MaskedPage = {
  rows: SqlCell[][];
  /** Masked cells as flat pairs: row index, column index, row index, column index, ... */
  maskedCells: number[];
};

export type CellMasker = {
  /** Masks one page of rows of the current result (call `forColumns` first). */
  maskRows(rows: SqlCell[][]): MaskedPage;
  /**
   * Decides each field's masking, once per result. `references`: the columns the statement
   * names. Answers, per field, whether it is masked whole because it is computed from a masked
   * column.
   */
  forColumns(columns: SqlColumn[], references: ColumnReferences): boolean[];
  /**
   * A whole text (statement, script, error, notice) through the value detectors, failing
   * closed at its end: nothing more follows, so an undecided tail is masked, not shown.
   */
  maskText(text: string): string;
};

/** The names a column rule is tried on: the result's name for the field, its source column and `table.column`. */
function namesOf(column: SqlColumn): string[] {
  const names = [column.name, ...(column.names ?? [])];
  if (column.source) names.push(column.source.column, `${column.source.table}.${column.source.column}`);
  return names;
}

type CompiledRule = ColumnMaskRule & { regex: RegExp; table?: RegExp; column?: RegExp };

function compileRule(rule: ColumnMaskRule): CompiledRule {
  const dot = rule.pattern.indexOf('.');
  if (dot < 0) return { ...rule, regex: globToRegExp(rule.pattern) };
  return { ...rule, regex: globToRegExp(rule.pattern), table: globToRegExp(rule.pattern.slice(0, dot)), column: globToRegExp(rule.pattern.slice(dot + 1)) };
}

/** Whether what `references` names may include a column the rule masks; a `table.column` rule needs both parts named. */
function isReferenced(rule: CompiledRule, references: ColumnReferences): boolean {
  if (references.columns.some((name) => rule.regex.test(name))) return true;
  const { table, column } = rule;
  return (
    table !== undefined && column !== undefined && references.relations.some((name) => table.test(name)) && references.columns.some((name) => column.test(name))
  );
}

function readsMaskedColumn(rules: readonly CompiledRule[], references: ColumnReferences): boolean {
  return rules.length > 0 && (references.isOpaque || rules.some((rule) => isReferenced(rule, references)));
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i');
}

export function applyColumnStrategy(value: string, strategy: ColumnMaskRule['strategy']): string {
  if (strategy === 'keep-last-4') {
    const digits = value.replace(/[\s-]/g, '');
    return digits.length > 8 ? `${MASK_LABEL}${digits.slice(-4)}` : MASK_LABEL;
  }
  if (strategy === 'email') {
    const at = value.lastIndexOf('@');
    return at > 0 ? `${MASK_LABEL}${value.slice(at)}` : MASK_LABEL;
  }
  return MASK_LABEL;
}

/**
 * Column types whose text is a fixed format that cannot hold a secret (numbers too short for
 * a card, dates, booleans): the value detectors skip them. Types that can hold long digit
 * runs (bigint, numeric) are scanned when a value is long enough to be a card number.
 */
const INERT_TYPES =
  /^(bool|boolean|date|time|timetz|timestamp|timestamptz|datetime|interval|year|int2|int4|smallint|int|integer|mediumint|tinyint|float4|float8|float|double|real|oid|regclass|regproc|pg_lsn|cid|xid)$/i;
const LONG_NUMBER_TYPES = /^(int8|bigint|numeric|decimal|money)$/i;
const SHORTEST_CARD = 12;

type ScanMode = 'all' | 'none' | 'long';

function scanModeFor(type: string): ScanMode {
  if (INERT_TYPES.test(type)) return 'none';
  if (LONG_NUMBER_TYPES.test(type)) return 'long';
  return 'all';
}

/**
 * Cells are joined for one engine pass per page; a match that would cross a join is redone per
 * cell. The separator must be a character the engine keeps in the text it matches (a match
 * across it then replaces it, and the split count gives the crossing away): NUL and the other
 * controls a terminal drops are invisible to matching, so a vertical tab it is.
 */
const SEPARATOR = '\v';

/**
 * `engine` is the session's masker from the masking engine (built-in detectors with the
 * admin's overrides and custom rules); `valueRules` builds one from rules instead (tests).
 */
export function createCellMasker({
  columnRules,
  valueRules,
  engine: given,
}: {
  columnRules: readonly ColumnMaskRule[];
  valueRules?: readonly MaskRule[];
  engine?: Masker;
}): CellMasker {
  const compiledColumnRules = columnRules.map(compileRule);
  const engine: Masker | undefined = given ?? (valueRules && valueRules.length > 0 ? createMasker(valueRules) : undefined);
  const builtInIds = new Set(BUILT_IN_RULES.map((rule) => rule.id));
  const hasCustomRules = (engine?.rules ?? []).some((rule) => !builtInIds.has(rule.id));
  let strategies: (ColumnMaskRule['strategy'] | undefined)[] = [];
  let scanModes: ScanMode[] = [];

  const maskText = (text: string): MaskedText => {
    if (!engine) return { text, isMasked: false };
    const first = engine.step(engine.initialState, Buffer.from(text, 'utf8'));
    const last = engine.flush(first.state);
    const events = [...first.events, ...last.events];
    if (events.length === 0) return { text, isMasked: false };
    const output = first.output.length === 0 ? last.output : last.output.length === 0 ? first.output : Buffer.concat([first.output, last.output]);
    return { text: output.toString('utf8'), isMasked: true };
  };

  return {
    forColumns(columns, references) {
      // Once per result, never per row: the rules are tried on each field's names here.
      const plan = columnPlan(compiledColumnRules, columns, references);
      strategies = plan.strategies;
      // Admin rules may match anything: only the built-in detectors allow skipping inert types.
      scanModes = columns.map((column) => (hasCustomRules ? 'all' : scanModeFor(column.type)));
      return plan.isMaskedWhole;
    },
    maskText(text) {
      if (!engine || text === '') return text;
      const first = engine.step(engine.initialState, Buffer.from(text, 'utf8'));
      const last = engine.end(first.state);
      if (first.events.length === 0 && last.events.length === 0) return text;
      return Buffer.concat([first.output, last.output]).toString('utf8');
    },
    maskRows(rows) {
      const maskedCells: number[] = [];
      const out = new Array<SqlCell[]>(rows.length);
      // Column rules first; collect the other cells for one engine pass.
      const pending: PendingCell[] = [];
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        const copy = row.slice();
        for (let c = 0; c < row.length; c++) {
          const value = row[c];
          if (value === null || value === undefined || value === '') continue;
          const strategy = strategies[c];
          if (strategy) {
            copy[c] = applyColumnStrategy(value, strategy);
            maskedCells.push(r, c);
          } else if (!engine || scanModes[c] === 'none' || (scanModes[c] === 'long' && value.length < SHORTEST_CARD)) {
            continue;
          } else if (value.includes(SEPARATOR)) {
            const one = maskText(value);
            if (one.isMasked) {
              copy[c] = one.text;
              maskedCells.push(r, c);
            }
          } else pending.push({ r, c, value });
        }
        out[r] = copy;
      }
      maskPendingCells(pending, out, maskedCells, maskText);
      return { rows: out, maskedCells };
    },
  };
}

type PendingCell = { r: number; c: number; value: string };
type MaskedText = { text: string; isMasked: boolean };

/** Each column's strategy from the column rules; a computed column reading a masked one is masked whole. */
function columnPlan(
  rules: ReturnType<typeof compileRule>[],
  columns: SqlColumn[],
  references: ColumnReferences,
): { strategies: (ColumnMaskRule['strategy'] | undefined)[]; isMaskedWhole: boolean[] } {
  const isStatementReadingMasked = readsMaskedColumn(rules, references);
  const isMaskedWhole: boolean[] = [];
  const strategies = columns.map((column, c) => {
    const names = namesOf(column);
    const strategy = rules.find((rule) => names.some((name) => rule.regex.test(name)))?.strategy;
    isMaskedWhole[c] =
      !strategy && column.source === null && (isStatementReadingMasked || (column.reads !== undefined && readsMaskedColumn(rules, column.reads)));
    return isMaskedWhole[c] ? 'full' : strategy;
  });
  return { strategies, isMaskedWhole };
}

/** One engine pass over the pending cells joined; cell by cell when a match crossed a join. */
function maskPendingCells(pending: PendingCell[], out: SqlCell[][], maskedCells: number[], maskText: (text: string) => MaskedText): void {
  if (pending.length === 0) return;
  const masked = maskText(pending.map((cell) => cell.value).join(SEPARATOR));
  if (!masked.isMasked) return;
  const parts = masked.text.split(SEPARATOR);
  if (parts.length === pending.length) {
    for (let i = 0; i < pending.length; i++) {
      const cell = pending[i]!;
      if (parts[i] !== cell.value) {
        out[cell.r]![cell.c] = parts[i]!;
        maskedCells.push(cell.r, cell.c);
      }
    }
    return;
  }
  // A detector matched across cells: mask each cell on its own (rare, so the slow path is fine).
  for (const cell of pending) {
    const one = maskText(cell.value);
    if (one.isMasked) {
      out[cell.r]![cell.c] = one.text;
      maskedCells.push(cell.r, cell.c);
    }
  }
}
