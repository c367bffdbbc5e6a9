import type { JudgedStatement, Verdict } from '../sql/judge-script';
import type { SqlConnection } from '../connectors/sql/sql-connection';

/**
 * MySQL: a statement node-sql-parser cannot read may still be valid (its grammar is not
 * MySQL's). The server parses it without running it: invalid SQL is refused at once with
 * its position, valid SQL stays opaque and goes through the policy.
 */
export async function findInvalidStatement(connection: SqlConnection | undefined, statements: JudgedStatement[]): Promise<Verdict['syntaxError']> {
  if (!connection?.checkSyntax) return null;
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index]!;
    if (statement.isParsed) continue;
    const problem = await connection.checkSyntax(statement.text);
    if (problem) return { index, message: problem.userMessage, position: problem.position };
  }
  return null;
}

/**
 * The result that refuses a script at a syntax error before anything runs: no rows, the
 * error at its place in the whole script. The server's message quotes the statement, so it
 * is masked like the statement (`mask`); the clear text is returned for consoles that show it.
 */
export function syntaxRefusal(id: string, statements: JudgedStatement[], error: NonNullable<Verdict['syntaxError']>, mask: (text: string) => string) {
  const statement = statements[error.index]!;
  const position = error.position === null ? null : statement.start + error.position;
  const maskedError = { code: 'syntax_error', message: mask(error.message), position };
  const result = {
    sql: 'result' as const,
    id,
    index: error.index,
    command: statement.keyword,
    columns: [],
    rows: [],
    masked: [],
    rowCount: 0,
    durationMs: 0,
    isTruncated: false,
    omittedRows: 0,
    error: maskedError,
  };
  return { result, clearMessage: error.message };
}
