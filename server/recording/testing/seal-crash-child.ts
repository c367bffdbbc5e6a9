/**
 * A recording writer in its own process, for the PostgreSQL store's crash test with several
 * sealed chunks being stored at once: it writes a burst of numbered output lines (many small
 * chunks, bulk output that never reaches the journal), sends all it wrote, reports each chunk
 * the store confirms, and waits to be killed while the rest are still being stored.
 *
 * Parent → child (IPC): { url, recordingId, chunks } → { type: 'wrote', output }, then
 * { type: 'sealed', count } per stored chunk, or { type: 'failed', message }.
 */

export type SealCrashChildInit = { url: string; recordingId: string; chunks: number };
export type SealCrashChildReply = { type: 'wrote'; output: string } | { type: 'sealed'; count: number } | { type: 'failed'; message: string };

export const SEAL_CRASH_CHUNK_BYTES = 16 * 1024;

async function main(init: SealCrashChildInit): Promise<void> {
  const { openDb, setDb } = await import('@/db/client');
  const { RecordingLog } = await import('../recording-log');
  const { PostgresRecordingStore } = await import('../stores/postgres-store');
  setDb(await openDb({ driver: 'postgres', url: init.url }));
  const send = (reply: SealCrashChildReply) => process.send?.(reply);
  const fail = (error: Error) => {
    send({ type: 'failed', message: error.message });
    process.exit(1);
  };
  const writer = await new PostgresRecordingStore().create(init.recordingId, fail);
  const log = new RecordingLog({
    recordingId: init.recordingId,
    writer,
    isBatching: true,
    chunkBytes: SEAL_CRASH_CHUNK_BYTES,
    onSealed: (_chunk, stats) => send({ type: 'sealed', count: stats.chunkCount }),
    onError: fail,
  });
  let output = '';
  for (let line = 0; output.length < init.chunks * SEAL_CRASH_CHUNK_BYTES; line++) {
    const text = `line ${line} ${'#'.repeat(line % 90)}\r\n`;
    output += text;
    log.append('o', Buffer.from(text));
  }
  log.flushWrites();
  send({ type: 'wrote', output });
  await log.finish();
}

process.once('message', (init: SealCrashChildInit) => {
  main(init).catch((error: unknown) => {
    process.send?.({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
});
