import { Parser } from 'node-sql-parser';
import type { RiskClass } from '@/lib/sql/risk-classes';

/**
 * Risk classes of one MySQL/MariaDB statement from node-sql-parser's AST. Its grammar does not
 * cover every statement MySQL accepts: what it cannot read is `opaque` (see classify-script.ts).
 */
const parser = new Parser();

type AstNode = { type?: string; keyword?: string; where?: unknown; into?: { keyword?: string } | null; [key: string]: unknown };

export type ParsedMysql = { isParsed: true; classes: Set<RiskClass> } | { isParsed: false; message: string; position: number | null };

export function classifyMysql(statement: string): ParsedMysql {
  let ast: AstNode | AstNode[];
  try {
    ast = parser.astify(statement, { database: 'MariaDB' }) as unknown as AstNode | AstNode[];
  } catch (error) {
    const location = (error as { location?: { start?: { offset?: number } } }).location;
    return { isParsed: false, message: (error as Error).message, position: location?.start?.offset ?? null };
  }
  const nodes = Array.isArray(ast) ? ast : [ast];
  if (nodes.length !== 1) return { isParsed: false, message: 'more than one statement', position: null };
  const classes = new Set<RiskClass>();
  classifyNode(nodes[0]!, classes);
  if (classes.size === 0) classes.add('other');
  return { isParsed: true, classes };
}

function classifyNode(node: AstNode, classes: Set<RiskClass>): void {
  switch (node.type) {
    case 'create':
    case 'alter':
    case 'drop':
    case 'rename':
      classes.add(node.keyword === 'user' || node.keyword === 'role' ? 'privileges' : 'ddl');
      return;
    case 'truncate':
      classes.add('truncate');
      return;
    case 'grant':
    case 'revoke':
      classes.add('privileges');
      return;
    case 'delete':
    case 'update':
      if (!node.where) classes.add('unbounded_write');
      return;
    case 'select':
      // SELECT … INTO OUTFILE/DUMPFILE writes files on the server.
      if (node.into?.keyword === 'OUTFILE' || node.into?.keyword === 'DUMPFILE') classes.add('opaque');
      return;
    case 'call':
    case 'load_data':
      classes.add('opaque');
      return;
  }
}
