import fs from 'node:fs';

/** A process as a lock remembers it: its PID and, where /proc tells, when it started. */
export type ProcessIdentity = { pid: number; startTime?: string };

/** Field 22 of /proc/<pid>/stat (clock ticks since boot): tells a reused PID from the original. */
function readStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; the fields after it do not.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export function currentProcess(): ProcessIdentity {
  return { pid: process.pid, startTime: readStartTime(process.pid) };
}

/** Whether that very process still runs: the PID answers and, where known, started at the same time. */
export function isAlive(identity: ProcessIdentity): boolean {
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const startTime = readStartTime(identity.pid);
  return identity.startTime === undefined || startTime === undefined || startTime === identity.startTime;
}
