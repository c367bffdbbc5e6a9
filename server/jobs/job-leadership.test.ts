import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb, setDb, type DbHandle } from '@/db/client';
import { resetServerGlobals } from '@/test/env';
import { createDatabase } from '@/test/harness/postgres';
import { closeJobLocks, exclusive } from './job-leadership';

let handle: DbHandle;
let other: pg.Client;
beforeAll(async () => {
  const url = await createDatabase(inject('postgresUrl'), `t_${process.pid}_${randomBytes(6).toString('hex')}`);
  process.env.DATABASE_URL = url;
  resetServerGlobals();
  handle = await openDb({ driver: 'postgres', url });
  setDb(handle);
  // Another replica's connection.
  other = new pg.Client({ connectionString: url });
  await other.connect();
});
afterAll(async () => {
  await closeJobLocks();
  await other?.end();
  await handle?.close();
  setDb(undefined);
});

const isFreeElsewhere = async (name: string) => {
  const { rows } = await other.query<{ ok: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as ok', [0x4a4f, name]);
  if (rows[0]?.ok) await other.query('select pg_advisory_unlock($1, hashtext($2))', [0x4a4f, name]);
  return rows[0]?.ok;
};

describe('job leadership on PostgreSQL', () => {
  it('runs a job once at a time across replicas and across jobs of one replica sharing its lock, and frees it when done', async () => {
    let release = () => {};
    let isStarted = false;
    const first = exclusive('shared-lock', async () => {
      isStarted = true;
      await new Promise<void>((resolve) => (release = resolve));
      return 'first';
    })();
    while (!isStarted) await new Promise((resolve) => setTimeout(resolve, 10));

    // Another replica cannot take it, nor can another job of this replica (session-level locks are re-entrant).
    expect(await isFreeElsewhere('shared-lock')).toBe(false);
    expect(await exclusive('shared-lock', async () => 'second')()).toBeUndefined();
    // A job with another lock runs meanwhile.
    expect(await exclusive('other-lock', async () => 'other')()).toBe('other');

    release();
    expect(await first).toBe('first');
    expect(await isFreeElsewhere('shared-lock')).toBe(true);
    expect(await exclusive('shared-lock', async () => 'again')()).toBe('again');
  });
});
