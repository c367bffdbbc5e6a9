import { ConnectorError } from '../connector-error';
import { socketConnectError } from '../socket-errors';
import { isConnectionLoss, SqlError } from '../sql/sql-error';

type Endpoint = { host: string; port: number; user: string; database: string };
type PgServerError = { code?: string; message?: string; position?: string; severity?: string; detail?: string; hint?: string };

/** A server or socket error raised while connecting, as one clear sentence. */
export function normalizePostgresConnectError(error: unknown, { host, port, user, database }: Endpoint): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const err = (error ?? {}) as PgServerError & { errno?: number };
  const where = `${host}:${port}`;
  const message = err.message ?? String(error);
  const socketError = socketConnectError(err.code, { host, port, service: 'PostgreSQL' }, error);
  if (socketError) return socketError;
  switch (err.code) {
    case '28P01':
    case '28000':
      return new ConnectorError('auth_failed', `Authentication failed: ${where} refused user "${user}" with the stored credentials.`, { cause: error });
    case '3D000':
      return new ConnectorError('connect_failed', `The database "${database}" does not exist on ${where}.`, { cause: error });
    case '53300':
      return new ConnectorError('connect_failed', `${where} has too many connections open; try again later.`, { cause: error });
    case '57P03':
      return new ConnectorError('connect_failed', `${where} is starting up or shutting down; try again shortly.`, { cause: error });
  }
  if (/timeout/i.test(message)) return new ConnectorError('timeout', `Timed out connecting to ${where}.`, { cause: error });
  if (/does not support SSL|server does not support ssl/i.test(message)) {
    return new ConnectorError('connect_failed', `${where} does not accept TLS: set the resource's TLS mode to "disable".`, { cause: error });
  }
  if (/certificate|self.signed|altnames|SSL|TLS/i.test(message)) {
    return new ConnectorError('connect_failed', `TLS with ${where} failed: ${message}`, { cause: error });
  }
  if (/pg_hba\.conf/i.test(message)) {
    return new ConnectorError('auth_failed', `${where} does not allow this connection (pg_hba.conf): ${message}`, { cause: error });
  }
  return new ConnectorError('connect_failed', `Cannot connect to ${where}: ${message}`, { cause: error });
}

/** A statement's error. `isCancelRequested`: Porthole cancelled it (user or row cap), not a timeout. */
export function normalizePostgresQueryError(error: unknown, { isCancelRequested = false }: { isCancelRequested?: boolean } = {}): SqlError {
  if (error instanceof SqlError) return error;
  const err = (error ?? {}) as PgServerError;
  const message = err.message ?? String(error);
  const position = err.position ? Number(err.position) - 1 : null;
  const options = { position: Number.isInteger(position) ? position : null, serverCode: err.code ?? null, cause: error };
  const detail = [err.detail, err.hint ? `Hint: ${err.hint}` : undefined].filter(Boolean).join(' ');
  const full = detail ? `${message}. ${detail}` : message;
  if (isConnectionLoss(err.code) || /Connection terminated|connection.*(ended|closed)/i.test(message)) {
    return new SqlError('connection_lost', 'The connection to the database was lost.', options);
  }
  switch (err.code) {
    case '42601':
      return new SqlError('syntax_error', `Syntax error: ${message}`, options);
    case '42501':
      return new SqlError('permission_denied', `Permission denied: ${message}`, options);
    case '25006':
      return new SqlError('read_only', `Refused: this console is read-only (${message}).`, options);
    case '57014':
      if (!isCancelRequested && /statement timeout/i.test(message))
        return new SqlError('timeout', 'The statement ran past the time limit of this resource and was stopped.', options);
      // A detail says how it was stopped when that is unusual (the demo database restarts to stop one).
      return new SqlError('cancelled', detail ? `The statement was cancelled. ${detail}` : 'The statement was cancelled.', options);
    case '57P01':
    case '57P02':
    case '57P03':
      return new SqlError('connection_lost', `The database closed the connection: ${message}`, options);
  }
  return new SqlError('query_failed', full, options);
}
