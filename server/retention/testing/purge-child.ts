import path from 'node:path';

/**
 * A Porthole process for the purge crash test, on PGlite and the file (or s3) store in a data
 * directory that outlives it. `node --import tsx purge-child.ts <dataDir> <secretKey> <mode> [step]`:
 *   seed            a user and a recording past a 1-day retention; prints its id
 *   purge <step>    runs the purge job and SIGKILLs itself right after <step>
 *   finish          runs the purge job; prints what it did and what is left
 */
async function main(): Promise<void> {
  const [dataDir, secretKey, mode, step] = process.argv.slice(2);
  Object.assign(process.env, {
    NODE_ENV: 'production',
    PORTHOLE_PUBLIC_URL: 'http://127.0.0.1:9',
    PORTHOLE_SECRET_KEY: secretKey,
    PORTHOLE_DATA_DIR: dataDir,
    PORTHOLE_DEMO: '0',
  });
  const { openDb, setDb, db } = await import('@/db/client');
  const { eq } = await import('drizzle-orm');
  const { recordings, recordingTombstones } = await import('@/db/recording-schema');
  const { auditEvents, users } = await import('@/db/schema');
  const { purgeExpiredRecordings } = await import('../purge-expired');
  const { sealedRecording } = await import('../retention-test-helpers');
  const { updateRetentionSettings } = await import('../../retention-policy/retention-settings');
  const { recordingStore } = await import('@/server/recording/stores/select-store');
  // The parent may pass PORTHOLE_RECORDING_STORE=s3 (and the bucket's settings) through.
  const store = process.env.PORTHOLE_RECORDING_STORE === 's3' ? 's3' : 'file';
  const handle = await openDb({ driver: 'pglite', dataDir: path.join(dataDir!, 'pglite') });
  setDb(handle);
  const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

  if (mode === 'seed') {
    const [admin] = await db()
      .insert(users)
      .values({ email: 'admin@example.test', name: 'Admin', roles: ['admin'] })
      .returning();
    const actor = { id: admin!.id, email: admin!.email, name: admin!.name, roles: admin!.roles, via: 'session' as const };
    await updateRetentionSettings({ actor, input: { defaultDays: 1, ownersMayDelete: false } });
    print({ id: await sealedRecording({ userId: admin!.id, store, endedDaysAgo: 5 }) });
  } else if (mode === 'purge') {
    await purgeExpiredRecordings({ afterStep: (done) => void (done === step && process.kill(process.pid, 'SIGKILL')) });
    print({ error: `the purge ran to the end without reaching ${step}` });
  } else {
    const result = await purgeExpiredRecordings();
    const ids = (await db().select({ id: recordingTombstones.id, purgedAt: recordingTombstones.purgedAt }).from(recordingTombstones)).map((row) => ({
      id: row.id,
      isDone: row.purgedAt !== null,
    }));
    const left = await db().select({ id: recordings.id }).from(recordings);
    const chunks = await Promise.all(ids.map(async ({ id }) => (await recordingStore(store).listChunks(id)).length));
    const audit = (await db().select().from(auditEvents).where(eq(auditEvents.action, 'recording.purged'))).map((event) => event.targetId);
    print({ result, tombstones: ids, recordingsLeft: left.length, chunksLeft: chunks.reduce((a, b) => a + b, 0), purgeEvents: audit });
  }
  await handle.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
