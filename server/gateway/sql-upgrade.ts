import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Resource, Session } from '@/db/schema';
import { MAX_SQL_FRAME_BYTES } from '@/lib/protocol/sql-protocol';
import { SqlSession } from './sql-session';

/** Database resources open a SQL console on the session socket instead of a terminal. */
export function isSqlResource(resource: Pick<Resource, 'type'>): boolean {
  return resource.type === 'postgres' || resource.type === 'mysql';
}

// Scripts are larger than keystrokes: the console's sockets accept bigger frames than a terminal's.
const globalForSql = globalThis as unknown as { __portholeSqlWss?: WebSocketServer };
const sqlWss = () =>
  (globalForSql.__portholeSqlWss ??= new WebSocketServer({ noServer: true, maxPayload: MAX_SQL_FRAME_BYTES, perMessageDeflate: false, clientTracking: false }));

/** Completes an authorized upgrade and starts the console on it. */
export function upgradeSqlSession(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  { session, resource, grantExpiresAt }: { session: Session; resource: Resource; grantExpiresAt: Date | null },
  onOpen: (sqlSession: SqlSession) => void,
): void {
  sqlWss().handleUpgrade(req, socket, head, (ws) => {
    const sqlSession = new SqlSession({ ws, session, resource, grantExpiresAt });
    onOpen(sqlSession);
    void sqlSession.start();
  });
}
