import { loadModule, parseSync } from 'libpg-query';
import type { RiskClass } from '@/lib/sql/risk-classes';

/**
 * Risk classes of one PostgreSQL statement, read from PostgreSQL's own parser (libpg_query,
 * compiled to WebAssembly). The whole tree is walked, so a DELETE without WHERE inside a CTE
 * or under EXPLAIN ANALYZE is found too.
 */

let loading: Promise<void> | undefined;

/** The parser is WebAssembly: load it once before the first parse. */
export function loadPostgresParser(): Promise<void> {
  loading ??= loadModule().then(() => undefined);
  return loading;
}

type Node = Record<string, unknown>;
type ParseResult = { stmts?: { stmt?: Node; stmt_location?: number; stmt_len?: number }[] };

const PRIVILEGE_NODES = new Set([
  'GrantStmt',
  'GrantRoleStmt',
  'CreateRoleStmt',
  'AlterRoleStmt',
  'AlterRoleSetStmt',
  'DropRoleStmt',
  'AlterDefaultPrivilegesStmt',
  'ReassignOwnedStmt',
  'DropOwnedStmt',
  'AlterOwnerStmt',
  'CreateUserMappingStmt',
  'AlterUserMappingStmt',
  'DropUserMappingStmt',
]);

const OPAQUE_NODES = new Set(['DoStmt', 'CallStmt', 'ExecuteStmt', 'CopyStmt', 'LoadStmt', 'CreatePLangStmt', 'AlterSystemStmt']);

/** Statement types that change the schema, besides every Create*, Alter* and Drop*. */
const DDL_NODES = new Set([
  'RenameStmt',
  'CommentStmt',
  'IndexStmt',
  'ViewStmt',
  'RuleStmt',
  'DefineStmt',
  'CompositeTypeStmt',
  'RefreshMatViewStmt',
  'ReindexStmt',
  'ClusterStmt',
  'ImportForeignSchemaStmt',
  'SecLabelStmt',
  'CreatedbStmt',
  'DropdbStmt',
  'AlterObjectSchemaStmt',
  'AlterObjectDependsStmt',
]);

/** Functions that act outside the query: other sessions, files, the server's configuration. */
const ADMIN_FUNCTIONS = new Set([
  'pg_terminate_backend',
  'pg_cancel_backend',
  'pg_reload_conf',
  'pg_rotate_logfile',
  'pg_promote',
  'pg_read_file',
  'pg_read_binary_file',
  'pg_ls_dir',
  'pg_stat_file',
  'lo_import',
  'lo_export',
  'dblink',
  'dblink_exec',
  'set_config',
  'pg_switch_wal',
]);

export type ParsedPostgres = { isParsed: true; classes: Set<RiskClass> } | { isParsed: false; message: string; position: number | null };

export function classifyPostgres(statement: string): ParsedPostgres {
  let result: ParseResult;
  try {
    result = parseSync(statement);
  } catch (error) {
    const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
    return { isParsed: false, message: (error as Error).message, position: details?.cursorPosition ?? null };
  }
  const statements = result.stmts ?? [];
  if (statements.length !== 1) return { isParsed: false, message: statements.length === 0 ? 'empty statement' : 'more than one statement', position: null };
  const classes = new Set<RiskClass>();
  const root = statements[0]!.stmt ?? {};
  classifyNode(root, classes);
  if (classes.size === 0) classes.add('other');
  return { isParsed: true, classes };
}

function classifyNode(node: unknown, classes: Set<RiskClass>): void {
  if (Array.isArray(node)) {
    for (const item of node) classifyNode(item, classes);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [type, body] of Object.entries(node as Node)) {
    if (!body || typeof body !== 'object') continue;
    const fields = body as Node;
    if (type === 'ExplainStmt') {
      // Plain EXPLAIN only plans; EXPLAIN ANALYZE runs the statement.
      const options = (fields.options as { DefElem?: { defname?: string } }[] | undefined) ?? [];
      if (options.some((option) => option.DefElem?.defname === 'analyze')) classifyNode(fields.query, classes);
      continue;
    }
    if (type === 'TruncateStmt') classes.add('truncate');
    else if ((type === 'DeleteStmt' || type === 'UpdateStmt') && !fields.whereClause) classes.add('unbounded_write');
    else if (PRIVILEGE_NODES.has(type)) classes.add('privileges');
    else if (OPAQUE_NODES.has(type)) classes.add('opaque');
    else if (type === 'VariableSetStmt' && (fields.name === 'role' || fields.name === 'session_authorization')) classes.add('privileges');
    else if (type === 'SelectStmt' && fields.intoClause) classes.add('ddl');
    else if (type === 'CreateTableAsStmt' || DDL_NODES.has(type) || /^(Create|Alter|Drop)\w*Stmt$/.test(type)) classes.add('ddl');
    else if (type === 'FuncCall' && isAdminFunction(fields)) classes.add('opaque');
    classifyNode(fields, classes);
  }
}

function isAdminFunction(call: Node): boolean {
  const names = (call.funcname as { String?: { sval?: string } }[] | undefined) ?? [];
  const name = names[names.length - 1]?.String?.sval?.toLowerCase();
  return name !== undefined && ADMIN_FUNCTIONS.has(name);
}

/**
 * Statement boundaries from the parser, when the whole script parses: it knows bodies such as
 * `BEGIN ATOMIC … END` that a semicolon split would cut. Offsets are characters.
 */
export function splitPostgresByParser(script: string): { text: string; start: number; end: number }[] | undefined {
  let result: ParseResult;
  try {
    result = parseSync(script);
  } catch {
    return undefined;
  }
  const bytes = Buffer.from(script, 'utf8');
  const toChar = (byteOffset: number) => bytes.subarray(0, byteOffset).toString('utf8').length;
  const out: { text: string; start: number; end: number }[] = [];
  for (const entry of result.stmts ?? []) {
    const startByte = entry.stmt_location ?? 0;
    const endByte = entry.stmt_len ? startByte + entry.stmt_len : bytes.length;
    const raw = bytes.subarray(startByte, endByte).toString('utf8');
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim().replace(/;$/, '').trimEnd();
    if (!text) continue;
    const start = toChar(startByte) + lead;
    out.push({ text, start, end: start + text.length });
  }
  return out;
}
