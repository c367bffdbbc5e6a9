// The demo database's engine: PGlite (PostgreSQL compiled to WebAssembly) in a worker thread.
// A statement blocks this thread until it ends and PGlite cannot be interrupted, so the
// wire-protocol front (demo-pg-front.ts) stays on Porthole's thread, where it can still hear
// a cancel and end a statement by terminating this worker. Plain JavaScript: the worker loads
// without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create();
await db.exec(workerData.seedSql);

// What a real server reports at startup; the front answers every connection's startup itself.
const PARAMETERS = [
  'server_version',
  'server_encoding',
  'client_encoding',
  'DateStyle',
  'IntervalStyle',
  'TimeZone',
  'integer_datetimes',
  'standard_conforming_strings',
];
const parameters = {};
for (const name of PARAMETERS) {
  const result = await db.query(`SELECT current_setting('${name}') AS value`);
  parameters[name] = String(result.rows[0]?.value ?? '');
}
parentPort.postMessage({ type: 'ready', parameters });

parentPort.on('message', async (message) => {
  if (message.type !== 'run') return;
  try {
    await db.execProtocolRawStream(message.bytes, {
      onRawData: (data) => {
        if (data.length > 0) parentPort.postMessage({ type: 'data', id: message.id, bytes: data.slice() });
      },
    });
    parentPort.postMessage({ type: 'done', id: message.id, isInTransaction: db.isInTransaction() });
  } catch (error) {
    parentPort.postMessage({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
  }
});
