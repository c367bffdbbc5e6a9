// The demo database: PGlite (PostgreSQL compiled to WebAssembly) served on the PostgreSQL
// wire protocol on 127.0.0.1, in a worker thread so a slow statement (pg_sleep) blocks this
// thread, never Porthole's. Plain JavaScript: the worker loads without a TypeScript loader.
import net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

const db = await PGlite.create();
await db.exec(workerData.seedSql);

/**
 * One backend serves every connection, one message at a time. While a connection is inside
 * a transaction, or in an extended-protocol exchange not yet closed by Sync (a cursor's open
 * portal lives until then), only its messages are served, so another connection's
 * statements never land in it or end it.
 */
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x48, 0x43]); // Parse Bind Describe Execute Flush Close
const queue = [];
let isProcessing = false;
let owner = null;

async function processQueue() {
  if (isProcessing) return;
  isProcessing = true;
  try {
    while (queue.length > 0) {
      let index = 0;
      if (owner && (owner.isMidExchange || db.isInTransaction())) {
        index = queue.findIndex((item) => item.connection === owner);
        if (index < 0) break;
      }
      const [item] = queue.splice(index, 1);
      try {
        await db.runExclusive(() =>
          db.execProtocolRawStream(item.message, {
            onRawData: (data) => {
              if (data.length > 0 && !item.connection.socket.destroyed) item.connection.socket.write(Buffer.from(data));
            },
          }),
        );
      } catch (error) {
        item.connection.socket.destroy(error);
      }
      owner = item.connection;
      const type = item.message[0];
      if (item.isTyped && EXTENDED.has(type)) owner.isMidExchange = true;
      else if (item.isTyped && (type === 0x53 || type === 0x51)) owner.isMidExchange = false; // Sync, simple Query
    }
  } finally {
    isProcessing = false;
  }
}

function serve(socket) {
  socket.setNoDelay(true);
  const connection = { socket, isMidExchange: false };
  let buffer = Buffer.alloc(0);
  let isStarted = false;
  socket.on('data', (chunk) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!isStarted) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        const code = buffer.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          socket.write('N');
          buffer = buffer.subarray(8);
          continue;
        }
        if (code === CANCEL_REQUEST) {
          // One WebAssembly backend cannot be interrupted: cancellation is not supported here.
          socket.end();
          return;
        }
        if (code !== PROTOCOL_3 || buffer.length < length) return;
        queue.push({ connection, message: new Uint8Array(buffer.subarray(0, length)), isTyped: false });
        buffer = buffer.subarray(length);
        isStarted = true;
        continue;
      }
      if (buffer.length < 5) break;
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) break;
      if (buffer[0] === 0x58) {
        // Terminate: the client is leaving; the shared backend stays.
        socket.end();
        return;
      }
      queue.push({ connection, message: new Uint8Array(buffer.subarray(0, length)), isTyped: true });
      buffer = buffer.subarray(length);
    }
    void processQueue();
  });
  const drop = () => {
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i].connection === connection) queue.splice(i, 1);
    if (owner === connection) {
      owner = null;
      connection.isMidExchange = false;
      if (db.isInTransaction()) void db.exec('ROLLBACK').catch(() => undefined).then(processQueue);
    }
  };
  socket.on('close', drop);
  socket.on('error', () => socket.destroy());
}

const server = net.createServer(serve);
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ type: 'listening', port: server.address().port }));
parentPort.on('message', (message) => {
  if (message === 'stop') server.close(() => void db.close().finally(() => process.exit(0)));
});
