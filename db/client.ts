import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import * as accessSchema from './access-schema';
import * as maskingSchema from './masking-schema';
import * as recordingSchema from './recording-schema';
import * as baseSchema from './schema';
import * as searchSchema from './search-schema';
import * as sharingSchema from './sharing-schema';
import * as signingSchema from './signing-schema';
import * as snippetSchema from './snippet-schema';
import * as sqlSchema from './sql-schema';

const schema = {
  ...baseSchema,
  ...accessSchema,
  ...recordingSchema,
  ...sqlSchema,
  ...maskingSchema,
  ...snippetSchema,
  ...signingSchema,
  ...searchSchema,
  ...sharingSchema,
};

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction's handle, as `db().transaction(async (tx) => …)` passes it. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DbHandle = {
  db: Db;
  driver: 'pglite' | 'postgres';
  close: () => Promise<void>;
};

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export type OpenDbOptions = { driver: 'pglite'; dataDir?: string /* undefined = in memory */ } | { driver: 'postgres'; url: string };

/** Opens a database and brings its schema up to date. Throws a one-line error if it cannot. */
export async function openDb(options: OpenDbOptions): Promise<DbHandle> {
  if (options.driver === 'postgres') {
    const pool = new Pool({ connectionString: options.url, max: 10, connectionTimeoutMillis: 10_000 });
    pool.on('error', (error) => console.error('[porthole] database connection error:', error.message));
    try {
      const db = drizzlePg(pool, { schema });
      await migratePg(db, { migrationsFolder });
      return { db: db as unknown as Db, driver: 'postgres', close: () => pool.end() };
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new Error(`cannot open the PostgreSQL database: ${describe(error)}`);
    }
  }
  try {
    if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
    const client = await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), extensions: { pg_trgm } });
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder });
    return { db: db as unknown as Db, driver: 'pglite', close: () => client.close() };
  } catch (error) {
    throw new Error(`cannot open the embedded database in ${options.dataDir ?? 'memory'}: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  // drizzle wraps driver errors as "Failed query: <sql>" with the reason in `cause`.
  if (error instanceof Error && error.cause instanceof Error) return describe(error.cause);
  return error instanceof Error ? error.message : String(error);
}

/*
 * The process-wide handle lives on globalThis: Next.js bundles route code separately from
 * server/, and a second PGlite instance on the same files would corrupt them.
 */
const globalForDb = globalThis as unknown as { __portholeDb?: DbHandle };

export function setDb(handle: DbHandle | undefined): void {
  globalForDb.__portholeDb = handle;
}

export function db(): Db {
  const handle = globalForDb.__portholeDb;
  if (!handle) throw new Error('database not opened: start Porthole with `npm start`');
  return handle.db;
}

export function dbDriver(): DbHandle['driver'] | undefined {
  return globalForDb.__portholeDb?.driver;
}
