import fs from 'node:fs';
import path from 'node:path';

/**
 * Start-up of the data directory in its own process, for the lock and file-mode tests.
 *   hold <dataDir>:    takes the lock as server/index.ts does, prints "locked", waits for a signal
 *   create <dataDir>:  opens PGlite there and writes a file as the recording store would, with
 *                      the umask and PGlite fix-ups of server/index.ts; prints "created"
 * A refused lock prints its message and exits with 1.
 */
async function main(): Promise<void> {
  const [command, dataDir] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: data-dir-child.ts hold|create <dataDir>');
  const { lockDataDir, DataDirLockedError } = await import('../lock-data-dir');
  const { makePrivate, restrictNewFiles } = await import('../secure-data-dir');
  if (command === 'hold') {
    try {
      lockDataDir(dataDir);
    } catch (error) {
      if (!(error instanceof DataDirLockedError)) throw error;
      console.log(error.message);
      process.exit(1);
    }
    // The handler first: the test sends SIGTERM as soon as it reads "locked", and without a
    // handler the signal kills the process before its exit handler releases the lock.
    process.on('SIGTERM', () => process.exit(0));
    console.log('locked');
    setInterval(() => undefined, 60_000);
  } else if (command === 'create') {
    restrictNewFiles();
    const { openDb } = await import('@/db/client');
    const pgliteDir = path.join(dataDir, 'pglite');
    const handle = await openDb({ driver: 'pglite', dataDir: pgliteDir });
    makePrivate(pgliteDir);
    await handle.close();
    makePrivate(pgliteDir);
    fs.mkdirSync(path.join(dataDir, 'recordings', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'recordings', 'ab', 'events.log'), 'x');
    console.log('created');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
