import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '@/db/client';

/**
 * A migrated, closed PGlite data directory made once per test run. Creating a PGlite
 * database from nothing (initdb in WASM) takes seconds; opening a copy of this one takes a
 * fraction of that, so every test file can still have its own fresh database.
 */
export async function buildPgliteTemplate(): Promise<{ dir: string; remove: () => void }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-pglite-template-'));
  const dir = path.join(root, 'pglite');
  const removeNow = () => fs.rmSync(root, { recursive: true, force: true });
  // An interrupted run (vitest exits without its teardown) must not leave 40 MB behind.
  process.once('exit', removeNow);
  const remove = () => {
    process.removeListener('exit', removeNow);
    removeNow();
  };
  try {
    const handle = await openDb({ driver: 'pglite', dataDir: dir });
    await handle.close();
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, remove };
}

/** Opens a private copy of the template; the copy is deleted when the handle is closed. */
export async function openPgliteCopy(templateDir: string): Promise<Awaited<ReturnType<typeof openDb>>> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-pglite-'));
  const dir = path.join(root, 'pglite');
  const removeNow = () => fs.rmSync(root, { recursive: true, force: true });
  process.once('exit', removeNow);
  const remove = () => {
    process.removeListener('exit', removeNow);
    removeNow();
  };
  fs.cpSync(templateDir, dir, { recursive: true });
  try {
    const handle = await openDb({ driver: 'pglite', dataDir: dir });
    return {
      ...handle,
      close: async () => {
        try {
          await handle.close();
        } finally {
          remove();
        }
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}
