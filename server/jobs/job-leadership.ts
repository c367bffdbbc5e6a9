import pg from 'pg';
import { dbDriver } from '@/db/client';
import { env } from '../env';
import { log } from '../log/logger';

/** Advisory-lock class (first key) for jobs; the second key is the job name's hash. */
const JOB_LOCK_CLASS = 0x4a4f;

/** The lock both recovery sweeps share: orphaned recordings, and dead replicas' sessions and recordings. */
export const RECOVERY_LOCK = 'recover-recordings';

const globalForLocks = globalThis as unknown as { __portholeJobLocks?: Promise<pg.Client> };
const heldHere = new Set<string>();

/**
 * One connection per replica holds its job locks. They are session-level locks: if this
 * process dies mid-job (even by SIGKILL) PostgreSQL ends the connection and frees the lock,
 * so no job is left stuck; the next tick on a survivor takes it.
 */
function lockConnection(url: string): Promise<pg.Client> {
  const existing = globalForLocks.__portholeJobLocks;
  if (existing) return existing;
  const client = new pg.Client({ connectionString: url, application_name: 'porthole-job-locks' });
  const forget = () => {
    if (globalForLocks.__portholeJobLocks === connecting) globalForLocks.__portholeJobLocks = undefined;
  };
  client.on('error', (error) => {
    log().error({ err: error }, 'job lock connection lost');
    forget();
  });
  const connecting = client.connect().then(
    () => client,
    (error: unknown) => {
      forget();
      throw error;
    },
  );
  globalForLocks.__portholeJobLocks = connecting;
  return connecting;
}

/**
 * Wraps a job so that, with several replicas on one PostgreSQL, one runs it at a time: a
 * replica that cannot take the job's lock skips this tick (another one is running it). On
 * the embedded database there is one process, so the job just runs.
 */
export function exclusive<T>(name: string, task: () => Promise<T>): () => Promise<T | undefined> {
  return async () => {
    const url = env().databaseUrl;
    if (!url || dbDriver() !== 'postgres') return task();
    // Session-level locks are re-entrant: two jobs of this process sharing a lock are kept apart here.
    if (heldHere.has(name)) return undefined;
    heldHere.add(name);
    try {
      return await runLocked(url, name, task);
    } finally {
      heldHere.delete(name);
    }
  };
}

async function runLocked<T>(url: string, name: string, task: () => Promise<T>): Promise<T | undefined> {
  const client = await lockConnection(url);
  const { rows } = await client.query<{ isLocked: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as "isLocked"', [JOB_LOCK_CLASS, name]);
  if (!rows[0]?.isLocked) return undefined;
  try {
    return await task();
  } finally {
    await client.query('select pg_advisory_unlock($1, hashtext($2))', [JOB_LOCK_CLASS, name]).catch(() => undefined);
  }
}

/** Shutdown: ends the lock connection, which frees any lock still held. */
export async function closeJobLocks(): Promise<void> {
  const connecting = globalForLocks.__portholeJobLocks;
  globalForLocks.__portholeJobLocks = undefined;
  const client = await connecting?.catch(() => undefined);
  await client?.end().catch(() => undefined);
}
