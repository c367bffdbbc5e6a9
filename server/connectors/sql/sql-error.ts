/** Why a statement failed, in words fit to show the user next to the editor. */
export type SqlErrorCode = 'syntax_error' | 'permission_denied' | 'timeout' | 'cancelled' | 'read_only' | 'connection_lost' | 'query_failed';

export class SqlError extends Error {
  readonly code: SqlErrorCode;
  readonly userMessage: string;
  /** 0-based character offset in the statement where the server located the error. */
  readonly position: number | null;
  /** SQLSTATE (PostgreSQL) or error number (MySQL), for the curious. */
  readonly serverCode: string | null;

  constructor(code: SqlErrorCode, userMessage: string, options: { position?: number | null; serverCode?: string | null; cause?: unknown } = {}) {
    super(userMessage, { cause: options.cause });
    this.name = 'SqlError';
    this.code = code;
    this.userMessage = userMessage;
    this.position = options.position ?? null;
    this.serverCode = options.serverCode ?? null;
  }
}

/** Socket-level failures shared by both drivers once a connection is up. */
export function isConnectionLoss(code: string | undefined): boolean {
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT' || code === 'PROTOCOL_CONNECTION_LOST';
}
