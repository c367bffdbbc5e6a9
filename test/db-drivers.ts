import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';
import { openDb, setDb, type Db, type DbHandle } from '@/db/client';
import { stopIndexing } from '@/server/recording/index-queue';
import { openPgliteCopy } from './harness/pglite-template';
import { createDatabase } from './harness/postgres';

export const DRIVERS = ['pglite', 'postgres'] as const;
export type DriverName = (typeof DRIVERS)[number];

/**
 * A fresh, migrated database: a private copy of the run's migrated PGlite template (opened
 * with openDb, on disk like the embedded default), or a new database on the run's PostgreSQL,
 * a copy of its migrated template.
 */
export async function openTestDb(driver: DriverName): Promise<DbHandle> {
  if (driver === 'pglite') return openPgliteCopy(inject('pgliteTemplateDir'));
  const name = `t_${process.pid}_${randomBytes(6).toString('hex')}`;
  const url = await createDatabase(inject('postgresUrl'), name, inject('postgresTemplate'));
  return openDb({ driver: 'postgres', url });
}

/**
 * Empties every application table; the schema and migration history stay. DELETE with
 * foreign-key triggers off is several times faster than TRUNCATE on tables this small.
 */
export async function truncateAll(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    // Both drivers answer raw queries with `{ rows }`.
    const result: unknown = await tx.execute(sql`select tablename from pg_tables where schemaname = 'public'`);
    const { rows } = result as { rows: { tablename: string }[] };
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const { tablename } of rows) await tx.execute(sql`delete from ${sql.identifier(tablename)}`);
  });
}

// One database per driver per test file (opening PGlite costs ~1.5 s): blocks share it, and
// every test starts from empty tables.
const handles = new Map<DriverName, Promise<DbHandle>>();
let isCloseRegistered = false;

function sharedTestDb(driver: DriverName): Promise<DbHandle> {
  let handle = handles.get(driver);
  if (!handle) {
    handle = openTestDb(driver);
    handles.set(driver, handle);
  }
  return handle;
}

/**
 * Runs a block of tests once per database driver (a fresh in-memory PGlite, and a fresh
 * database on the run's real PostgreSQL), installed with setDb() for server/ to use; every
 * test starts with empty tables. Call it at the top level of a test file.
 */
export function describeEachDriver(name: string, fn: (driver: DriverName) => void): void {
  if (!isCloseRegistered) {
    isCloseRegistered = true;
    afterAll(async () => {
      setDb(undefined);
      const opened = [...handles.values()];
      handles.clear();
      for (const handle of opened) await (await handle).close();
    });
  }
  describe.each(DRIVERS)(`${name} [%s]`, (driver) => {
    let handle: DbHandle | undefined;
    beforeAll(async () => {
      handle = await sharedTestDb(driver);
      setDb(handle);
    });
    beforeEach(async () => {
      if (!handle) return;
      setDb(handle);
      await truncateAll(handle.db);
    });
    // Indexing scheduled by the block's recordings must not outlive its database.
    afterAll(async () => {
      await stopIndexing();
      setDb(undefined);
    });
    fn(driver);
  });
}
