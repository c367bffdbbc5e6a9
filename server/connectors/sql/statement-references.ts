import { parseSync } from 'libpg-query';
import { Parser } from 'node-sql-parser';
import type { ColumnReferences, SqlDialect } from './sql-connection';

/**
 * Which columns a statement names, from the dialect's own parser, so a result field with no
 * trustworthy source column (`lower(email)`, a derived table on MariaDB, a view) is masked whole
 * when the statement reads a masked column (cell-masker.ts). Over-counting only masks more:
 * words inside string constants count (`query_to_xml('select email …')`), and so do function
 * and field names. A statement the parser cannot read falls back to every word of its text.
 *
 * Counts cannot reveal a value, so the arguments of COUNT are left out where it is surely the
 * built-in: MySQL's COUNT (a stored function may not take a built-in's name) and PostgreSQL's
 * `pg_catalog.count`; a bare `count` on PostgreSQL may be a user's own aggregate.
 */

type Collector = { columns: Set<string>; relations: Set<string>; singles: Set<string>; isOpaque: boolean; topStars: WeakSet<object> };
type Node = Record<string, unknown>;

const WORD = /[A-Za-z_][A-Za-z0-9_$]*(?:\.[A-Za-z_][A-Za-z0-9_$]*)*/g;
/** Statements whose rows come from another statement's text or a routine: nothing to read here. */
const OPAQUE_KEYWORD = /^\s*(execute|call|fetch|move|handler)\b/i;

const mysqlParser = new Parser();

export function statementReferences(statement: string, dialect: SqlDialect): ColumnReferences {
  const collector: Collector = { columns: new Set(), relations: new Set(), singles: new Set(), isOpaque: false, topStars: new WeakSet() };
  const isParsed = dialect === 'postgres' ? collectPostgres(statement, collector) : collectMysql(statement, collector);
  if (!isParsed) return wordsOf(statement);
  // A bare name that is a table or alias is the whole row (`select c::text from customers c`).
  const isWholeRow = [...collector.singles].some((name) => collector.relations.has(name));
  return { columns: [...collector.columns], relations: [...collector.relations], isOpaque: collector.isOpaque || isWholeRow };
}

/** The conservative fallback: every word may be a column or a table; a `*` may expand anything. */
function wordsOf(text: string): ColumnReferences {
  const collector: Collector = { columns: new Set(), relations: new Set(), singles: new Set(), isOpaque: false, topStars: new WeakSet() };
  addWords(text, collector);
  for (const word of collector.columns) collector.relations.add(word);
  return { columns: [...collector.columns], relations: [...collector.relations], isOpaque: text.includes('*') || OPAQUE_KEYWORD.test(text) };
}

function addWords(text: string, collector: Collector): void {
  for (const [word] of text.matchAll(WORD)) addName(word.toLowerCase().split('.'), collector);
}

/** `a.b.c` names column `c`, also as `b.c`; `b` may be a table. */
function addName(parts: string[], collector: Collector): void {
  const column = parts[parts.length - 1];
  if (!column) return;
  collector.columns.add(column);
  const table = parts[parts.length - 2];
  if (table) {
    collector.columns.add(`${table}.${column}`);
    collector.relations.add(table);
  }
}

function collectPostgres(statement: string, collector: Collector): boolean {
  let result: { stmts?: { stmt?: Node }[] };
  try {
    result = parseSync(statement);
  } catch {
    return false;
  }
  for (const entry of result.stmts ?? []) {
    const root = entry.stmt ?? {};
    // The outermost `*` lists table columns as fields, each with its own source.
    const select = root.SelectStmt as Node | undefined;
    for (const target of (select?.targetList as Node[] | undefined) ?? []) {
      const ref = ((target.ResTarget as Node | undefined)?.val as Node | undefined)?.ColumnRef as Node | undefined;
      if (ref && (ref.fields as Node[]).some((field) => 'A_Star' in field)) collector.topStars.add(ref);
    }
    if ('FetchStmt' in root || 'ExecuteStmt' in root || 'CallStmt' in root) collector.isOpaque = true;
    walkPostgres(root, collector);
  }
  return true;
}

function walkPostgres(node: unknown, collector: Collector): void {
  if (Array.isArray(node)) {
    for (const item of node) walkPostgres(item, collector);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const fields = node as Node;
  for (const key of ['relname', 'aliasname', 'ctename'] as const) {
    if (typeof fields[key] === 'string') collector.relations.add(fields[key].toLowerCase());
  }
  // A column list on a table's alias or a WITH query renames what it reads (`customers AS
  // t(i, n, e)`): the statement then names no column it reads, so it may read anything.
  if (isNonEmptyList(fields.colnames) && typeof fields.aliasname === 'string') collector.isOpaque = true;
  if (isNonEmptyList(fields.aliascolnames)) collector.isOpaque = true;
  for (const [type, body] of Object.entries(fields)) {
    if (!body || typeof body !== 'object') continue;
    const inner = body as Node;
    if (type === 'ColumnRef') {
      postgresColumnRef(inner, collector);
      continue;
    }
    if (type === 'String' && typeof inner.sval === 'string') addWords(inner.sval, collector);
    else if (type === 'A_Const' && typeof (inner.sval as Node | undefined)?.sval === 'string') addWords((inner.sval as { sval: string }).sval, collector);
    else if (type === 'FuncCall' && isPgCatalogCount(inner)) {
      const { args: _args, ...rest } = inner;
      walkPostgres(rest, collector);
      continue;
    }
    walkPostgres(inner, collector);
  }
}

const isNonEmptyList = (value: unknown): boolean => Array.isArray(value) && value.length > 0;

function postgresColumnRef(ref: Node, collector: Collector): void {
  const fields = (ref.fields as Node[] | undefined) ?? [];
  if (fields.some((field) => 'A_Star' in field)) {
    if (!collector.topStars.has(ref)) collector.isOpaque = true;
    return;
  }
  const parts = fields.map((field) => (field.String as { sval?: string } | undefined)?.sval?.toLowerCase() ?? '');
  if (parts.length === 1 && parts[0]) collector.singles.add(parts[0]);
  addName(parts, collector);
}

function isPgCatalogCount(call: Node): boolean {
  const names = ((call.funcname as Node[] | undefined) ?? []).map((name) => (name.String as { sval?: string } | undefined)?.sval);
  return names.length === 2 && names[0] === 'pg_catalog' && names[1] === 'count';
}

function collectMysql(statement: string, collector: Collector): boolean {
  let ast: unknown;
  try {
    ast = mysqlParser.astify(statement, { database: 'MariaDB' });
  } catch {
    return false;
  }
  for (const root of (Array.isArray(ast) ? ast : [ast]) as Node[]) {
    if (root.type === 'call') collector.isOpaque = true;
    if (root.type === 'select') {
      for (const column of (root.columns as Node[] | undefined) ?? []) {
        const expr = column.expr as Node | undefined;
        if (expr?.type === 'column_ref' && expr.column === '*') collector.topStars.add(expr);
      }
    }
    walkMysql(root, collector);
  }
  return true;
}

function mysqlName(value: unknown): string | undefined {
  if (typeof value === 'string') return value.toLowerCase();
  const expr = (value as { expr?: { value?: unknown } } | null | undefined)?.expr;
  return typeof expr?.value === 'string' ? expr.value.toLowerCase() : undefined;
}

function walkMysql(node: unknown, collector: Collector): void {
  if (Array.isArray(node)) {
    for (const item of node) walkMysql(item, collector);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const fields = node as Node;
  const type = typeof fields.type === 'string' ? fields.type : undefined;
  if (type === 'column_ref') {
    const column = mysqlName(fields.column);
    if (column === '*') {
      if (!collector.topStars.has(fields)) collector.isOpaque = true;
      return;
    }
    const table = mysqlName(fields.table);
    if (column) addName(table ? [table, column] : [column], collector);
    return;
  }
  if (type?.endsWith('_string') && typeof fields.value === 'string') addWords(fields.value, collector);
  // Table names and aliases: FROM items (`{ table, as }`), derived tables and CTE names.
  if (type === undefined || type === 'dual') {
    for (const key of ['table', 'as'] as const) {
      if (typeof fields[key] === 'string') collector.relations.add(fields[key].toLowerCase());
    }
  }
  if (Array.isArray(fields.with)) {
    for (const cte of fields.with as Node[]) {
      const name = mysqlName(cte.name) ?? (cte.name as { value?: string } | undefined)?.value?.toLowerCase();
      if (name) collector.relations.add(name);
    }
  }
  if (type === 'function') {
    for (const part of (fields.name as { name?: { value?: unknown }[] } | undefined)?.name ?? []) {
      if (typeof part.value === 'string') addWords(part.value, collector);
    }
  }
  for (const [key, value] of Object.entries(fields)) {
    // COUNT is always the built-in on MySQL: what it counts cannot show through.
    if (key === 'args' && type === 'aggr_func' && String(fields.name).toUpperCase() === 'COUNT') continue;
    if (value && typeof value === 'object') walkMysql(value, collector);
  }
}
