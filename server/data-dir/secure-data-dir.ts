import fs from 'node:fs';
import path from 'node:path';
import { log } from '../log/logger';

/**
 * Everything Porthole creates from here on (PGlite files and WAL, recordings, keys) is
 * private to its user: the data directory holds the encryption key and every recording.
 */
export function restrictNewFiles(): void {
  process.umask(0o077);
}

/**
 * Removes group and other access from `dir` and below (symlinks are not followed); returns
 * how many paths changed. PGlite needs it after it opens and closes: its WASM file system
 * sets modes itself (0666, 0644) without the umask.
 */
export function makePrivate(dir: string): number {
  let fixed = 0;
  const restrict = (file: string, stat: fs.Stats) => {
    if ((stat.mode & 0o077) === 0) return;
    fs.chmodSync(file, stat.mode & 0o700);
    fixed++;
  };
  restrict(dir, fs.lstatSync(dir));
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    const file = path.join(entry.parentPath, entry.name);
    restrict(file, fs.lstatSync(file));
  }
  return fixed;
}

/**
 * An existing data directory from a version that created it world-readable is fixed at
 * start, with one warning line saying how much was fixed. Creates the directory if missing.
 */
export function secureDataDir(dataDir: string): number {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const fixed = makePrivate(dataDir);
  if (fixed > 0) {
    log().warn(`${fixed} path(s) in the data directory ${dataDir} were readable by other users; they are now private to Porthole's user (0700/0600).`);
  }
  return fixed;
}
