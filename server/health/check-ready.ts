import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { env } from '../env';
import { isDraining } from '../lifecycle/draining';
import { log } from '../log/logger';
import { isRecordingBucketReachable } from '../recording/stores/s3-ready';

/** A probe that has not answered by then counts as down: a load balancer must not wait on us. */
const CHECK_TIMEOUT_MS = 2_000;

export type ReadyCheck = 'draining' | 'database' | 'migrations' | 'recording_store';

let newestMigration: number | undefined;

/** The `when` of the newest migration this build ships (db/migrations/meta/_journal.json). */
async function newestShippedMigration(): Promise<number> {
  if (newestMigration === undefined) {
    const journal = JSON.parse(await fs.readFile(path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    newestMigration = Math.max(...journal.entries.map((entry) => entry.when));
  }
  return newestMigration;
}

/** drizzle's migrator records each applied migration's journal `when` as created_at. */
async function isSchemaCurrent(): Promise<boolean> {
  // Both drivers answer raw queries with `{ rows }`.
  const result: unknown = await db().execute(sql`select max(created_at) as newest from drizzle.__drizzle_migrations`);
  const newest = Number((result as { rows: { newest: string | number | null }[] }).rows[0]?.newest ?? 0);
  return newest >= (await newestShippedMigration());
}

/** A file written and removed where recordings go, or the bucket's answer (the PostgreSQL store is covered by the database check). */
async function isRecordingStoreWritable(): Promise<boolean> {
  const config = env();
  if (config.recordingStore === 's3') return isRecordingBucketReachable();
  if (config.recordingStore !== 'file') return true;
  const probe = path.join(config.dataDir, 'recordings', `.ready-probe-${process.pid}`);
  await fs.mkdir(path.dirname(probe), { recursive: true, mode: 0o700 });
  await fs.writeFile(probe, 'ok', { mode: 0o600 });
  await fs.rm(probe, { force: true });
  return true;
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this process should get traffic. Returns the first failing check (for the log, never
 * for the client), or undefined when ready.
 */
export async function checkReady(): Promise<ReadyCheck | undefined> {
  if (isDraining()) return 'draining';
  const checks: [ReadyCheck, () => Promise<boolean>][] = [
    ['database', async () => (await db().execute(sql`select 1`), true)],
    ['migrations', isSchemaCurrent],
    ['recording_store', isRecordingStoreWritable],
  ];
  for (const [name, check] of checks) {
    const isOk = await withTimeout(check()).catch((error: unknown) => {
      log().warn({ check: name, err: error }, 'readiness check failed');
      return false;
    });
    if (!isOk) return name;
  }
  return isDraining() ? 'draining' : undefined;
}
