/**
 * A recording writer in its own process, for the PostgreSQL store's crash test: it records
 * numbered output lines until `sealedChunks` chunks are sealed, then a few more lines that
 * stay in the open chunk, waits until they are in the journal, sends all it wrote, and waits
 * to be killed.
 *
 * Parent → child (IPC): { url, recordingId, sealedChunks } → { type: 'journaled', output } or { type: 'failed', message }
 */

export type JournalChildInit = { url: string; recordingId: string; sealedChunks: number };

const CHUNK_BYTES = 16 * 1024;

async function main(init: JournalChildInit): Promise<void> {
  const { openDb, setDb } = await import('@/db/client');
  const { RecordingLog } = await import('../recording-log');
  const { PostgresRecordingStore } = await import('../stores/postgres-store');
  setDb(await openDb({ driver: 'postgres', url: init.url }));
  const fail = (error: Error) => {
    process.send?.({ type: 'failed', message: error.message });
    process.exit(1);
  };
  const store = new PostgresRecordingStore();
  const writer = await store.create(init.recordingId, fail);
  let sealed = 0;
  const log = new RecordingLog({ recordingId: init.recordingId, writer, isBatching: true, chunkBytes: CHUNK_BYTES, onSealed: () => sealed++, onError: fail });
  let lines = 0;
  let output = '';
  const write = (count: number) => {
    for (const end = lines + count; lines < end; lines++) {
      const line = `line ${lines} ${'#'.repeat(lines % 90)}\r\n`;
      output += line;
      log.append('o', Buffer.from(line));
    }
    log.flushWrites();
  };
  while (sealed < init.sealedChunks) {
    write(20);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  // Well under a chunk: these stay open, in the journal only (if they filled the chunk, more).
  write(Math.floor(CHUNK_BYTES / 200));
  await writer.flushed();
  while (!(await store.readOpen(init.recordingId)).some((open) => open.frames.length > 0)) {
    write(1);
    await writer.flushed();
  }
  process.send?.({ type: 'journaled', output });
}

process.once('message', (init: JournalChildInit) => {
  main(init).catch((error: unknown) => {
    process.send?.({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
});
