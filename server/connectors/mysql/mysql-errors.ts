import { ConnectorError } from '../connector-error';
import { socketConnectError } from '../socket-errors';
import { isConnectionLoss, SqlError } from '../sql/sql-error';

type Endpoint = { host: string; port: number; user: string; database: string };
type MysqlDriverError = { code?: string; errno?: number; sqlMessage?: string; message?: string; fatal?: boolean };

export function normalizeMysqlConnectError(error: unknown, { host, port, user, database }: Endpoint): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const err = (error ?? {}) as MysqlDriverError;
  const where = `${host}:${port}`;
  const message = err.sqlMessage ?? err.message ?? String(error);
  switch (err.errno) {
    case 1045:
    case 1698:
      return new ConnectorError('auth_failed', `Authentication failed: ${where} refused user "${user}" with the stored credentials.`, { cause: error });
    case 1044:
      return new ConnectorError('auth_failed', `User "${user}" may not use the database "${database}" on ${where}.`, { cause: error });
    case 1049:
      return new ConnectorError('connect_failed', `The database "${database}" does not exist on ${where}.`, { cause: error });
    case 1040:
      return new ConnectorError('connect_failed', `${where} has too many connections open; try again later.`, { cause: error });
    case 1130:
      return new ConnectorError('auth_failed', `${where} does not allow connections from Porthole's address: ${message}`, { cause: error });
  }
  const socketError = socketConnectError(err.code, { host, port, service: 'MySQL' }, error);
  if (socketError) return socketError;
  switch (err.code) {
    case 'PROTOCOL_CONNECTION_LOST':
      return new ConnectorError('connection_closed', `${where} closed the connection while connecting.`, { cause: error });
    case 'HANDSHAKE_NO_SSL_SUPPORT':
      return new ConnectorError('connect_failed', `${where} does not accept TLS: set the resource's TLS mode to "disable".`, { cause: error });
  }
  if (/certificate|self.signed|altnames|SSL|TLS/i.test(message))
    return new ConnectorError('connect_failed', `TLS with ${where} failed: ${message}`, { cause: error });
  return new ConnectorError('connect_failed', `Cannot connect to ${where}: ${message}`, { cause: error });
}

/**
 * MySQL reports a syntax error as "... near '<rest of the statement>' at line N": the quoted
 * text is where the parser stopped, so its offset on that line is the error position.
 */
export function mysqlSyntaxErrorPosition(statement: string, message: string): number | null {
  const match = /near '([\s\S]*)' at line (\d+)\s*$/.exec(message);
  if (!match) return null;
  const near = match[1]!;
  const line = Number(match[2]);
  let lineStart = 0;
  for (let i = 1; i < line; i++) {
    const next = statement.indexOf('\n', lineStart);
    if (next < 0) break;
    lineStart = next + 1;
  }
  if (near === '') return statement.trimEnd().length;
  const at = statement.indexOf(near, lineStart);
  return at >= 0 ? at : lineStart;
}

export function normalizeMysqlQueryError(error: unknown, statement: string): SqlError {
  if (error instanceof SqlError) return error;
  const err = (error ?? {}) as MysqlDriverError;
  const message = err.sqlMessage ?? err.message ?? String(error);
  const options = { serverCode: err.errno ? String(err.errno) : (err.code ?? null), cause: error };
  if (isConnectionLoss(err.code) || err.errno === 2013 || err.errno === 2006 || (err.fatal && !err.errno)) {
    return new SqlError('connection_lost', 'The connection to the database was lost.', options);
  }
  switch (err.errno) {
    case 1064:
    case 1149:
      return new SqlError('syntax_error', `Syntax error: ${message}`, { ...options, position: mysqlSyntaxErrorPosition(statement, message) });
    case 1044:
    case 1142:
    case 1143:
    case 1227:
    case 1370:
    case 1045:
      return new SqlError('permission_denied', `Permission denied: ${message}`, options);
    case 1317:
      return new SqlError('cancelled', 'The statement was cancelled.', options);
    case 1969:
    case 3024:
      return new SqlError('timeout', 'The statement ran past the time limit of this resource and was stopped.', options);
    case 1792:
    case 1290:
      return new SqlError('read_only', `Refused: this console is read-only (${message}).`, options);
  }
  return new SqlError('query_failed', message, options);
}
