/** A connection failure with a message fit to show the user (no stack, no secrets). */
export type ConnectorErrorCode =
  | 'auth_failed'
  | 'connection_refused'
  | 'host_unreachable'
  | 'dns_failed'
  | 'timeout'
  | 'host_key_changed'
  | 'host_key_unconfirmed'
  | 'credentials_unreadable'
  | 'connection_closed'
  | 'connect_failed';

export class ConnectorError extends Error {
  readonly code: ConnectorErrorCode;
  readonly userMessage: string;

  constructor(code: ConnectorErrorCode, userMessage: string, options: { cause?: unknown } = {}) {
    super(userMessage, options);
    this.name = 'ConnectorError';
    this.code = code;
    this.userMessage = userMessage;
  }
}
