import fs from 'node:fs';
import type { PtyClient } from './pty-clients';

/**
 * The measurement procedures, identical for every client: type a command line, time from
 * its Enter to an end marker, or send one byte and time its echo.
 */

let markerCount = 0;

/**
 * A marker that only appears once the shell has run the command: the typed text is
 * `__M7_$((40+2))__` (echoed as typed), the output is `__M7_42__`.
 */
function marker(): { typed: string; seen: string } {
  const id = `PH${++markerCount}`;
  return { typed: `__${id}_$((40+2))__`, seen: `__${id}_42__` };
}

/** Resolves when `text` appears in the client's output from now on; counts the bytes until then. */
export function waitForText(client: PtyClient, text: string, timeoutMs: number): Promise<{ bytes: number; at: bigint }> {
  const needle = Buffer.from(text);
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let tail = Buffer.alloc(0);
    const fail = (why: string) => {
      client.setListener(() => undefined);
      reject(new Error(`${client.label}: ${why} before "${text}" (${bytes} bytes seen; last: ${JSON.stringify(tail.toString('latin1'))})`));
    };
    const timer = setTimeout(() => fail(`${timeoutMs} ms passed`), timeoutMs);
    void client.closed.then((reason) => {
      clearTimeout(timer);
      fail(reason);
    });
    client.setListener((chunk) => {
      bytes += chunk.length;
      // The marker can straddle two chunks: search the previous tail joined to this chunk's head.
      const joined = tail.length > 0 ? Buffer.concat([tail, chunk.subarray(0, needle.length - 1)]) : undefined;
      if ((joined && joined.indexOf(needle) >= 0) || chunk.indexOf(needle) >= 0) {
        const at = process.hrtime.bigint();
        clearTimeout(timer);
        client.setListener(() => undefined);
        resolve({ bytes, at });
        return;
      }
      tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - (needle.length - 1))));
    });
  });
}

/** Runs a command line to completion and waits for its output to settle. */
export async function run(client: PtyClient, command: string, timeoutMs = 30_000): Promise<void> {
  const end = marker();
  const seen = waitForText(client, end.seen, timeoutMs);
  client.send(`${command}; echo ${end.typed}\r`);
  await seen;
}

/** A quiet shell with a known PTY size, the same for every client. */
export async function prepareShell(client: PtyClient): Promise<void> {
  await run(client, "export PS1='$ ' HISTFILE=/dev/null; stty cols 120 rows 40; unset PROMPT_COMMAND", 20_000);
}

export type Timed = { bytes: number; seconds: number; mbPerSecond: number };

/** Types `command`, then times from its Enter to the end marker the shell prints after it. */
export async function timeOutput(client: PtyClient, command: string, timeoutMs: number): Promise<Timed> {
  const end = marker();
  const seen = waitForText(client, end.seen, timeoutMs);
  const start = process.hrtime.bigint();
  client.send(`${command}; echo ${end.typed}\r`);
  const { bytes, at } = await seen;
  const seconds = Number(at - start) / 1e9;
  return { bytes, seconds, mbPerSecond: bytes / 1e6 / seconds };
}

/** Puts the remote side in `stty raw -echo; exec cat`: every byte sent comes back once. */
export async function startEchoCat(client: PtyClient): Promise<void> {
  const ready = marker();
  const seen = waitForText(client, ready.seen, 20_000);
  client.send(`stty raw -echo; echo ${ready.typed}; exec cat\r`);
  await seen;
  // Let the rest of that line's output (a trailing CR LF) drain before probing.
  await new Promise((resolve) => setTimeout(resolve, 100));
}

/** One byte in, its echo out, `count` times with `gapMs` between probes; milliseconds each. */
export async function echoRoundTrips(client: PtyClient, { count, gapMs, deadline }: { count: number; gapMs: number; deadline?: number }): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    if (deadline !== undefined && Date.now() > deadline) break;
    const byte = 0x61 + (i % 26);
    const echoed = new Promise<bigint>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${client.label}: no echo within 5 s`)), 5_000);
      void client.closed.then((reason) => {
        clearTimeout(timer);
        reject(new Error(reason));
      });
      client.setListener((chunk) => {
        if (chunk.indexOf(byte) < 0) return;
        clearTimeout(timer);
        resolve(process.hrtime.bigint());
      });
    });
    const start = process.hrtime.bigint();
    client.send(Uint8Array.of(byte));
    samples.push(Number((await echoed) - start) / 1e6);
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  client.setListener(() => undefined);
  return samples;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** A figure as the benchmarks claim it: the median of its rounds, with their spread, "m (min–max)". */
export function spread(values: number[], digits = 1): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return 'n/a';
  const f = (n: number) => n.toFixed(digits);
  return `${f(median(finite))} (${f(Math.min(...finite))}–${f(Math.max(...finite))})`;
}

/** CPU time (user + system) of a process so far, in milliseconds, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const fields = statFields(pid);
  if (!fields) throw new Error(`process ${pid} has ended`);
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/**
 * CPU time of a process and its children, in milliseconds: its own, that of the children it has
 * reaped (a server's ended connections), and that of its live descendants (its open ones).
 */
export function treeCpuMs(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (!fields) continue;
    const parent = Number(fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  // utime, stime, and the reaped children's cutime, cstime.
  const own = (id: number) => {
    const fields = statFields(id);
    return fields ? ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS : 0;
  };
  let total = own(pid);
  for (const queue = [...(children.get(pid) ?? [])]; queue.length > 0;) {
    const id = queue.pop()!;
    total += own(id);
    queue.push(...(children.get(id) ?? []));
  }
  return total;
}

/** /proc/<pid>/stat's fields after the command name (which may hold spaces), or null once the process is gone. */
function statFields(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** All cores' busy and total jiffies since boot, from the first line of /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
  const values = fields.map(Number);
  const total = values.reduce((sum, value) => sum + value, 0);
  // idle and iowait are the 4th and 5th values.
  return { busy: total - (values[3] ?? 0) - (values[4] ?? 0), total };
}

/**
 * Waits until the whole machine used under `share` of its cores for half a second (at most
 * `maxMs`): background work a run left behind in any process (a database, an object store, a
 * recording being indexed) must not land in the next contender's figures.
 */
export async function untilMachineIdle({ share = 0.1, maxMs = 120_000 } = {}): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    const before = machineTicks();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = machineTicks();
    if (after.total > before.total && (after.busy - before.busy) / (after.total - before.total) < share) return;
  }
}

/** Resident set size of a process in bytes, from /proc/<pid>/status. */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS = 100;
