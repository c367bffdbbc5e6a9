import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb, setDb, type DbHandle } from '@/db/client';
import { createDatabase } from '@/test/harness/postgres';
import { startReplicaHeartbeat } from './replica-heartbeat';
import { replicaId } from './replica-id';

const name = `t_${process.pid}_${randomBytes(6).toString('hex')}`;
let handle: DbHandle;
let admin: pg.Client;
beforeAll(async () => {
  const url = await createDatabase(inject('postgresUrl'), name);
  handle = await openDb({ driver: 'postgres', url });
  setDb(handle);
  admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
});
afterAll(async () => {
  await admin?.query(`alter database "${name}" allow_connections true`).catch(() => undefined);
  await admin?.end();
  await handle?.close();
  setDb(undefined);
});

async function until(probe: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A query on the test database from another connection (another replica's). */
async function query(text: string, values: unknown[]): Promise<pg.QueryResult> {
  const other = new pg.Client({ connectionString: new URL(`/${name}`, inject('postgresUrl')).toString() });
  await other.connect();
  try {
    return await other.query(text, values);
  } finally {
    await other.end();
  }
}

const isRegistered = async () => (await query('select 1 from replicas where id = $1', [replicaId()])).rowCount === 1;

describe('replica heartbeat', () => {
  it('registers, tells the replica once when its database has been out of reach for the timeout, and registers again when it is back', async () => {
    let losses = 0;
    const stop = startReplicaHeartbeat({ internalUrl: 'http://127.0.0.1:1', timeoutMs: 1_000, onLost: () => (losses += 1) });
    await until(isRegistered, 'the replica row');

    // The database goes out of reach: no new connections, the open ones cut.
    await admin.query(`alter database "${name}" allow_connections false`);
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
    await until(() => losses === 1, 'the heartbeat to be reported lost');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(losses).toBe(1);

    // Back, after a survivor removed the row as dead: the next beat writes it again.
    await admin.query(`alter database "${name}" allow_connections true`);
    await until(isRegistered, 'the heartbeat to get through again');
    await query('delete from replicas where id = $1', [replicaId()]);
    await until(isRegistered, 'the replica to register again');
    await stop();
    expect(await isRegistered()).toBe(false);
  }, 30_000);
});
