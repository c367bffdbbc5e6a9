import type { JudgedStatement, Verdict } from '../sql/judge-script';
import type { SqlConnection } from '../sql/sql-connection';

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
