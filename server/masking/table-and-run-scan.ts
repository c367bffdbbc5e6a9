/**
 * The start filter's search when it has both signatures (the table scan, table-scan.ts) and rules
 * found by a long run of one class of bytes (key bodies, random values: run-scan.ts). One loop
 * walks the text once and stops at *events*: a table candidate, or the end of a run long enough
 * for some rule. The driver here judges each event with the run search, over that run alone.
 * The loop exists twice with the same events: in JavaScript below, and in WebAssembly
 * (wasm/scan.wat's `tableRunScan`, used for bytes loaded into its memory).
 */
import { closedRunTest, indexOrLength, runBytesOf, runScan, type RunSignature } from './run-scan';
import { DEPTH, START, type StartFilter } from './start-filter';
import { fullTest, tableScan, type FilterTables } from './table-scan';

/** Where the loop stopped, and where the run of the runs' classes holding that position started. */
export interface RunEvent {
  at: number;
  start: number;
}

/**
 * The first position in `[from, stop)` that is a table candidate or ends a run (a byte outside
 * the runs' classes after at least `least` bytes in them, counted from `runStart`), or stop;
 * where both hold, that position once, as the run's end. `start`: where the run at `at` starts
 * (after the last byte outside the classes before `at`, or `runStart` if there is none; for a
 * candidate on a byte outside the classes, `at + 1`). The returned object is reused by the next call.
 */
export type RunEvents = (bytes: Uint8Array, from: number, stop: number, runStart: number) => RunEvent;

/** The shortest run any rule found by a run needs. */
export const leastRun = (runs: readonly RunSignature[]): number => Math.min(...runs.map((run) => run.min));

/**
 * The loop in JavaScript: per byte, whether it ends the current run, then the table's test (see
 * tableScan). Gathering the run's traits here too, from more bits of the same entry, cost more
 * than reading the long runs again: the loop's values no longer fit in registers.
 */
export function jsRunEvents(tables: FilterTables, runs: readonly RunSignature[]): RunEvents {
  const { triples, prevClass } = tables;
  const full = fullTest(tables);
  const inAny = runBytesOf(runs);
  const least = leastRun(runs);
  const event: RunEvent = { at: 0, start: 0 };
  return (bytes, from, stop, runStart) => {
    let i = from;
    let prev = i === 0 ? START : bytes[i - 1]!;
    let c0 = bytes[i]!;
    for (; i < stop; i++) {
      const c1 = bytes[i + 1]!;
      if (inAny[c0] === 0) {
        if (i - runStart >= least) break;
        runStart = i + 1;
      }
      if (triples[prevClass[prev]! | (c0 << 8) | c1] !== 0 && full(bytes, i, prev, c0, c1)) break;
      prev = c0;
      c0 = c1;
    }
    event.at = i;
    event.start = runStart;
    return event;
  };
}

/**
 * The table scan and the run search with the same result as the earlier of the two:
 * `Math.min(table(bytes, from, to), runs(bytes, from, to, whole))`. A run that ends long enough
 * for some signature, or one still open at a table candidate (its candidates may come first), is
 * judged by the run search itself, over that run alone; the last DEPTH - 1 positions, where fewer
 * than eight bytes are known, and the run still open there, after the loop.
 */
export function tableAndRunScan(tables: FilterTables, runs: readonly RunSignature[], events: RunEvents): StartFilter['next'] {
  const table = tableScan(tables);
  const run = runScan(runs);
  const inAny = runBytesOf(runs);
  const least = leastRun(runs);
  const closed = closedRunTest(runs);
  const mayStart = closed ? closed.test : () => true;
  const inside = closed ? closed.inside : -1;
  return (bytes, from, to, whole = false) => {
    const stop = Math.min(to, bytes.length - (DEPTH - 1));
    let i = from;
    let runStart = from;
    // The first byte at or after a run's start that may precede a start inside it (see closedRunTest).
    let insideAt = inside < 0 ? bytes.length : -1;
    while (i < stop) {
      const { at, start } = events(bytes, i, stop, runStart);
      if (at >= stop) {
        runStart = start;
        i = stop;
        break;
      }
      if (inAny[bytes[at]!] === 0 && at - start >= least) {
        // The run [start, at) ended: its candidates, if any, come before at.
        if (insideAt < start) insideAt = indexOrLength(bytes, inside, start);
        const first = mayStart(bytes, start, at, insideAt) ? run(bytes, start, at, whole) : at;
        if (first < at) return first;
        i = at;
        runStart = at + 1;
        continue;
      }
      // A table candidate at `at`: the open run before it may hold an earlier one.
      const first = at > start ? run(bytes, start, at, whole) : at;
      return first < at ? first : at;
    }
    // The open run (it may reach the end: see runScan) and the table's last positions.
    const first = runStart < to ? run(bytes, runStart, to, whole) : to;
    return i < first ? table(bytes, i, first) : first;
  };
}
