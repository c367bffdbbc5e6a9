import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { currentProcess, isAlive, type ProcessIdentity } from './process-identity';

export const LOCK_FILE = 'porthole.lock';

const holderSchema = z.object({ pid: z.number().int().positive(), startTime: z.string().optional() });

export class DataDirLockedError extends Error {
  constructor(
    readonly pid: number,
    dataDir: string,
  ) {
    super(`Another Porthole (pid ${pid}) is using the data directory ${dataDir}. Stop it or set PORTHOLE_DATA_DIR.`);
  }
}

function readHolder(file: string): { raw: string; holder?: ProcessIdentity } | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return { raw, holder: holderSchema.parse(JSON.parse(raw)) };
  } catch {
    return { raw }; // garbled: nobody can prove they hold it
  }
}

/** Moves a stale lock aside; false if what got moved was not the stale lock (a newcomer's fresh one). */
function takeOver(file: string, staleRaw: string): boolean {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const moved = fs.readFileSync(aside, 'utf8');
  if (moved !== staleRaw) {
    // Another starting process took the lock between our read and our rename: give it back.
    try {
      fs.linkSync(aside, file);
    } catch {
      // someone holds it again; they win
    }
    fs.rmSync(aside, { force: true });
    return false;
  }
  fs.rmSync(aside, { force: true });
  return true;
}

/**
 * One Porthole per embedded data directory: two PGlite instances on the same files lose
 * writes. The lock file holds the owner's PID and start time; a lock whose process is gone
 * (a crash, a SIGKILL, a reused PID after a container restart) is taken over. Throws
 * DataDirLockedError when a live process holds it. The lock goes with the process.
 */
export function lockDataDir(dataDir: string): { release(): void } {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  const me = currentProcess();
  const content = JSON.stringify(me);
  // Written whole under a private name first, then linked in: nobody ever reads a half-written lock.
  const draft = `${file}.${process.pid}`;
  fs.writeFileSync(draft, content, { mode: 0o600 });
  let isLocked = false;
  try {
    for (let attempt = 0; attempt < 5 && !isLocked; attempt++) {
      try {
        fs.linkSync(draft, file);
        isLocked = true;
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = readHolder(file);
      if (!current) continue;
      const { holder, raw } = current;
      if (holder && holder.pid !== me.pid && isAlive(holder)) throw new DataDirLockedError(holder.pid, dataDir);
      if (!takeOver(file, raw)) {
        const winner = readHolder(file)?.holder;
        if (winner) throw new DataDirLockedError(winner.pid, dataDir);
      }
    }
    if (!isLocked) throw new Error(`could not take the lock ${file}`);
  } finally {
    fs.rmSync(draft, { force: true });
  }

  const release = () => {
    process.removeListener('exit', release);
    if (readHolder(file)?.raw === content) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { release };
}
