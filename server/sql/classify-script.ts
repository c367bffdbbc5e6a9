import type { RiskClass } from '@/lib/sql/risk-classes';
import { codeOnly, splitStatements, type ScriptStatement } from '@/lib/sql/split-statements';
import { classifyMysql } from './classify-mysql';
import { classifyPostgres, loadPostgresParser, splitPostgresByParser } from './classify-postgres';
import type { SqlDialect } from '../connectors/sql/sql-connection';

/** A session setting a statement would change behind the console's back. */
export type SessionOverride = 'read_only' | 'timeout';

export type ClassifiedStatement = ScriptStatement & {
  /** First keyword, upper case (`SELECT`, `DELETE`, ...). */
  keyword: string;
  classes: RiskClass[];
  isParsed: boolean;
  /** The parser's complaint, when it could not read the statement. */
  parseError: string | null;
  /** Where in the statement the parser stopped (character offset), when it says. */
  parsePosition: number | null;
  overrides: SessionOverride[];
};

/** For statements the parser cannot read, the class their first keyword obviously implies (REVOKE → privileges). */
const KEYWORD_CLASSES: Partial<Record<string, RiskClass>> = {
  CREATE: 'ddl',
  ALTER: 'ddl',
  DROP: 'ddl',
  RENAME: 'ddl',
  TRUNCATE: 'truncate',
  GRANT: 'privileges',
  REVOKE: 'privileges',
};

const READ_ONLY_OVERRIDE = /\bread\s+write\b|transaction_read_only|\btx_read_only\b|\bset_config\b|\breset\s+all\b|\bdiscard\s+all\b/i;
const TIMEOUT_OVERRIDE = /\bstatement_timeout\b|\bmax_statement_time\b|\bmax_execution_time\b|\bset_config\b|\breset\s+all\b|\bdiscard\s+all\b/i;

/**
 * Splits a script into statements and judges each one with the dialect's real parser. A
 * statement the parser cannot read is `opaque`: risky, never waved through.
 */
export async function classifyScript(script: string, dialect: SqlDialect): Promise<ClassifiedStatement[]> {
  if (dialect === 'postgres') await loadPostgresParser();
  const statements = (dialect === 'postgres' ? splitPostgresByParser(script) : undefined) ?? splitStatements(script, dialect);
  return statements.map((statement) => classifyStatement(statement, dialect));
}

function classifyStatement(statement: ScriptStatement, dialect: SqlDialect): ClassifiedStatement {
  const code = codeOnly(statement.text, dialect);
  const keyword = (/[A-Za-z]+/.exec(code)?.[0] ?? '').toUpperCase();
  const parsed = dialect === 'postgres' ? classifyPostgres(statement.text) : classifyMysql(statement.text);
  const classes = new Set<RiskClass>();
  if (parsed.isParsed) for (const riskClass of parsed.classes) classes.add(riskClass);
  else {
    classes.add('opaque');
    const implied = KEYWORD_CLASSES[keyword];
    if (implied) classes.add(implied);
  }
  const overrides: SessionOverride[] = [];
  if (READ_ONLY_OVERRIDE.test(code)) overrides.push('read_only');
  if (TIMEOUT_OVERRIDE.test(code)) overrides.push('timeout');
  return {
    ...statement,
    keyword,
    classes: [...classes],
    isParsed: parsed.isParsed,
    parseError: parsed.isParsed ? null : parsed.message,
    parsePosition: parsed.isParsed ? null : parsed.position,
    overrides,
  };
}
