import type { SqlColumnSource } from '../sql/sql-connection';

/** MySQL column type codes (protocol ColumnDefinition.type) → names for the result grid. */
const TYPE_NAMES: Record<number, string> = {
  0x00: 'decimal',
  0x01: 'tinyint',
  0x02: 'smallint',
  0x03: 'int',
  0x04: 'float',
  0x05: 'double',
  0x06: 'null',
  0x07: 'timestamp',
  0x08: 'bigint',
  0x09: 'mediumint',
  0x0a: 'date',
  0x0b: 'time',
  0x0c: 'datetime',
  0x0d: 'year',
  0x0e: 'date',
  0x0f: 'varchar',
  0x10: 'bit',
  0xf2: 'vector',
  0xf5: 'json',
  0xf6: 'decimal',
  0xf7: 'enum',
  0xf8: 'set',
  0xf9: 'tinyblob',
  0xfa: 'mediumblob',
  0xfb: 'longblob',
  0xfc: 'blob',
  0xfd: 'varchar',
  0xfe: 'char',
  0xff: 'geometry',
};

const STRING_TYPES = new Set([0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe]);
/** The `binary` character set: the column holds bytes, not text. */
const BINARY_CHARSET = 63;

/** `orgTable`/`orgName`: the table column a field reads whatever its alias; empty for an expression. */
export type MysqlField = { name: string; columnType: number; characterSet: number; db?: string; table?: string; orgTable?: string; orgName?: string };

/** A derived table (`FROM (SELECT …) s`), a CTE or LATERAL: somewhere a field can be renamed out of sight. */
const DERIVED = /\(\s*(select|values|table|with)\b|^\s*with\b|\blateral\b/i;

export function mayHaveDerivedTables(statement: string): boolean {
  return DERIVED.test(statement.replace(/--[^\n]*|#[^\n]*|\/\*[\s\S]*?\*\//g, ' '));
}

/**
 * The source column of a field. MariaDB names a derived table or CTE as the field's table and
 * the inner alias as its column (`(SELECT email AS contact …) s` reads "s.contact"), which looks
 * like a real table column with no alias on it. So when the statement may hold one, a field
 * whose table has no alias of its own is not trusted: it counts as computed (value detectors,
 * flagged), and the names the server gave are still tried by the column rules.
 */
export function mysqlFieldSource(field: MysqlField, isDerivedPossible: boolean): { source: SqlColumnSource | null; names?: string[] } {
  if (!field.orgTable || !field.orgName) return { source: null };
  const source = { schema: field.db ?? '', table: field.orgTable, column: field.orgName };
  if (isDerivedPossible && (field.table ?? field.orgTable) === field.orgTable)
    return { source: null, names: [field.orgName, `${field.orgTable}.${field.orgName}`] };
  return { source };
}

export function mysqlTypeName(field: MysqlField): string {
  const base = TYPE_NAMES[field.columnType] ?? `type:${field.columnType}`;
  if (!STRING_TYPES.has(field.columnType) || field.characterSet !== BINARY_CHARSET) {
    if (field.columnType === 0xfc && field.characterSet !== BINARY_CHARSET) return 'text';
    return base;
  }
  return field.columnType === 0xfd ? 'varbinary' : field.columnType === 0xfe ? 'binary' : base;
}

/** Bytes without a character set are shown as hex (`0x…`), the way the mysql client does. */
export function isMysqlBinary(field: MysqlField): boolean {
  if (field.columnType === 0x10 || field.columnType === 0xff) return true;
  return STRING_TYPES.has(field.columnType) && field.characterSet === BINARY_CHARSET;
}
