/** The few PostgreSQL wire-protocol messages the demo front writes or reads itself. */

export const SSL_REQUEST = 80877103;
export const GSS_REQUEST = 80877104;
export const CANCEL_REQUEST = 80877102;
export const PROTOCOL_3 = 196608;

export const QUERY = 0x51; // Q, simple query
export const PARSE = 0x50; // P
export const BIND = 0x42; // B
export const SYNC = 0x53; // S
export const TERMINATE = 0x58; // X

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const cstring = (text: string) => Buffer.from(`${text}\0`, 'utf8');

export function authenticationOk(): Buffer {
  return message('R', Buffer.alloc(4));
}

export function parameterStatus(name: string, value: string): Buffer {
  return message('S', Buffer.concat([cstring(name), cstring(value)]));
}

export function backendKeyData(processId: number, secretKey: number): Buffer {
  const body = Buffer.alloc(8);
  body.writeInt32BE(processId, 0);
  body.writeInt32BE(secretKey, 4);
  return message('K', body);
}

export function readyForQuery(status: 'I' | 'T' | 'E'): Buffer {
  return message('Z', Buffer.from(status, 'latin1'));
}

export function errorResponse(fields: { code: string; message: string; detail?: string }): Buffer {
  const parts = [
    Buffer.from('S'),
    cstring('ERROR'),
    Buffer.from('V'),
    cstring('ERROR'),
    Buffer.from('C'),
    cstring(fields.code),
    Buffer.from('M'),
    cstring(fields.message),
  ];
  if (fields.detail) parts.push(Buffer.from('D'), cstring(fields.detail));
  parts.push(Buffer.alloc(1));
  return message('E', Buffer.concat(parts));
}

/** The SQL text of a simple Query or a Parse message, else undefined. */
export function statementText(bytes: Uint8Array): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let start = 5;
  if (buffer[0] === PARSE)
    start = buffer.indexOf(0, 5) + 1; // after the statement name
  else if (buffer[0] !== QUERY) return undefined;
  if (start <= 0) return undefined;
  const end = buffer.indexOf(0, start);
  return buffer.toString('utf8', start, end < 0 ? buffer.length : end);
}

/** The first parameter of a Bind message as text (how pg sends `pg_cancel_backend($1)`'s pid), else undefined. */
export function firstBindParameter(bytes: Uint8Array): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] !== BIND) return undefined;
  let at = buffer.indexOf(0, 5) + 1; // portal name
  at = buffer.indexOf(0, at) + 1; // statement name
  if (at <= 0 || at + 2 > buffer.length) return undefined;
  const formats = buffer.readInt16BE(at);
  const isBinary = formats > 0 && buffer.readInt16BE(at + 2) === 1;
  at += 2 + 2 * formats;
  if (at + 6 > buffer.length || buffer.readInt16BE(at) < 1) return undefined;
  const length = buffer.readInt32BE(at + 2);
  if (length < 0 || isBinary || at + 6 + length > buffer.length) return undefined;
  return buffer.toString('utf8', at + 6, at + 6 + length);
}
