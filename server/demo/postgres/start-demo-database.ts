import { DemoPgFront } from './demo-pg-front';
import { ensureDemoSqlResource } from './ensure-demo-sql-resource';
import { demoSeedSql } from './demo-seed';
import { log } from '../../log/logger';

export type DemoDatabase = { host: '127.0.0.1'; port: number; close: () => Promise<void> };

/** Starts the demo database (PGlite in a worker thread, served on the PostgreSQL wire protocol). */
export async function startDemoDatabaseServer(): Promise<DemoDatabase> {
  const front = new DemoPgFront(demoSeedSql());
  const port = await front.listen();
  return { host: '127.0.0.1', port, close: () => front.close() };
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
    log().error({ err: error }, 'the demo database did not start');
    return undefined;
  }
}
