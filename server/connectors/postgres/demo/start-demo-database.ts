import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ensureDemoSqlResource } from './ensure-demo-sql-resource';
import { demoSeedSql } from './demo-seed';

export type DemoDatabase = { host: '127.0.0.1'; port: number; close: () => Promise<void> };

const WORKER = path.join(process.cwd(), 'server', 'connectors', 'postgres', 'demo', 'demo-pg-worker.mjs');

/** Starts the demo database (PGlite on the PostgreSQL wire protocol, in a worker thread). */
export function startDemoDatabaseServer(): Promise<DemoDatabase> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { seedSql: demoSeedSql() }, execArgv: [] });
    worker.unref();
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('exit', (code) => reject(new Error(`the demo database worker exited with code ${code}`)));
    worker.on('message', (message: { type?: string; port?: number }) => {
      if (message.type !== 'listening' || !message.port) return;
      worker.removeListener('error', onError);
      worker.on('error', (error) => console.error('[porthole] the demo database failed:', error));
      resolve({
        host: '127.0.0.1',
        port: message.port,
        close: () =>
          new Promise<void>((done) => {
            worker.once('exit', () => done());
            worker.postMessage('stop');
            setTimeout(() => void worker.terminate().then(() => done()), 2000).unref();
          }),
      });
    });
  });
}

/**
 * Demo mode's SQL target: the embedded database plus its catalogue entry, so a fresh install
 * has a working SQL console. A failure here is logged, never fatal: the rest of Porthole runs.
 */
export async function startDemoDatabase(): Promise<DemoDatabase | undefined> {
  try {
    const server = await startDemoDatabaseServer();
    await ensureDemoSqlResource(server);
    return server;
  } catch (error) {
    console.error('[porthole] the demo database did not start:', error);
    return undefined;
  }
}
