import { runBytesOf, type RunSignature } from '../run-scan';
import type { StartFilter } from '../start-filter';
import { DEPTH } from '../start-filter';
import { reachStartOf, type ReachStart } from '../reach-start';
import { leastRun, type RunEvent, type RunEvents } from '../table-and-run-scan';
import type { FilterTables } from '../table-scan';
import { nibbleBuckets } from './nibble-buckets';
import { SCAN_MODULE_BASE64 } from './scan-module';

/**
 * The WebAssembly forms of the engine's scans over every byte (scan.wat): the start filter's
 * table scan, alone or with the run search's runs (table-and-run-scan.ts), the hold-back's
 * backward scan (reach-start.ts) and the search for hidden bytes. They read bytes copied into
 * their memory: a frame's text is copied once (a memcpy) and searched many times. Where WebAssembly is not
 * available, or the bytes are fewer than 32 or more than the memory's data area, the JavaScript
 * scans run instead: the results are the same (scan-module.test.ts), only the speed differs.
 */

interface ScanExports {
  tableScan(p: number, from: number, stop: number): number;
  tableRunScan(p: number, from: number, stop: number, runStart: number, least: number): number;
  nextHidden(p: number, from: number, n: number): number;
  reachStart(p: number, from: number, n: number, set: number): number;
}

const PAGE = 65536;
/** Where scan.wat expects the filter's tables. */
const BEFORE_AT = 0;
const AT_AT = 1040;
const NIBBLES_AT = 9232;
const RUN_BYTES_AT = 9360;
/** Where tableRunScan stores the run's start (after the run classes' tables, 32 bytes free between). */
const RUN_START_AT = 9424;
/** The sets reachStart scans for (32 bytes each, as `halfByteTables` writes them): a few per rule set. */
const REACH_AT = 9472;
const MAX_REACH_SETS = 64;
const TABLES_END = REACH_AT + 32 * MAX_REACH_SETS;
/** scan.wat finds a run's end once per block of 16: runs must be at least that long. */
const BLOCK = 16;
/**
 * Bytes of the data area: a frame joined with what was held (the masker joins up to 1 MiB in its
 * scratch). The memory is reserved at this size and never grows, so a loaded view is never
 * detached; the operating system backs only the pages a load touches.
 */
const DATA_BYTES = (1 << 20) + 64 * 1024;
/** The table scan reads up to 18 bytes past the last position it tests: a load leaves room for them. */
const MAX_LOADED = DATA_BYTES - 64;
/** Fewer bytes are not worth a copy and a call (a keystroke's echo). */
const MIN_LOADED = 32;

let compiled: WebAssembly.Module | null | undefined;

function scanModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Buffer.from(SCAN_MODULE_BASE64, 'base64'));
    } catch {
      compiled = null; // no WebAssembly (or no SIMD) here: the JavaScript scans run
    }
  }
  return compiled;
}

/** Whether the scans run in WebAssembly here (tests check it, so that they compare two implementations). */
export function wasmAvailable(): boolean {
  return scanModule() !== null;
}

/** A memory of tables then the data area (from `dataAt`), with the module instantiated over it. */
interface ScanMemory {
  memory: WebAssembly.Memory;
  scans: ScanExports;
  dataAt: number;
}

/** A ScanMemory for `headerBytes` of tables. */
function instantiate(headerBytes: number): ScanMemory | null {
  const module = scanModule();
  if (!module) return null;
  const dataAt = Math.ceil(headerBytes / PAGE) * PAGE;
  try {
    const memory = new WebAssembly.Memory({ initial: (dataAt + DATA_BYTES) / PAGE, maximum: (dataAt + DATA_BYTES) / PAGE });
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    return { memory, scans: instance.exports as unknown as ScanExports, dataAt };
  } catch {
    return null; // no memory to be had (a tight address-space limit): the JavaScript scans run
  }
}

/** What a filter's memory adds to its searches: the load into its data area, and the backward scan. */
type FilterMemory = Required<Pick<StartFilter, 'load' | 'reachStart'>>;

/** The filter's memory with its tables written, the module over it, the load and the backward scan. */
function filterMemory(tables: FilterTables, runs: readonly RunSignature[]): (ScanMemory & FilterMemory) | null {
  const made = instantiate(TABLES_END);
  if (!made) return null;
  const { memory, dataAt } = made;
  new Int32Array(memory.buffer, BEFORE_AT, 257).set(tables.before);
  tables.at.forEach((table, k) => new Int32Array(memory.buffer, AT_AT + 1024 * k, 256).set(table));
  new Uint8Array(memory.buffer, NIBBLES_AT, 128).set(nibbleBuckets(tables.at));
  if (runs.length > 0) new Uint8Array(memory.buffer, RUN_BYTES_AT, 32).set(halfByteTables(runBytesOf(runs)));
  const data = Buffer.from(memory.buffer, dataAt, DATA_BYTES);
  const load = (bytes: Buffer): Buffer => {
    if (bytes.length < MIN_LOADED || bytes.length > MAX_LOADED) return bytes;
    data.set(bytes);
    return data.subarray(0, bytes.length);
  };
  return { ...made, load, reachStart: reachScans(made) };
}

/**
 * The backward scan (reach-start.ts) over each `reach` asked for, in WebAssembly for bytes in the
 * memory: each distinct set's tables are written once (filters are shared by maskers).
 */
function reachScans({ memory, scans }: ScanMemory): (reach: Uint8Array) => ReachStart {
  const written = new Map<string, number>();
  return (reach) => {
    const js = reachStartOf(reach);
    const tables = halfByteTables(reach);
    const key = tables.join();
    let set = written.get(key);
    if (set === undefined) {
      if (written.size >= MAX_REACH_SETS) return js;
      set = REACH_AT + 32 * written.size;
      new Uint8Array(memory.buffer, set, 32).set(tables);
      written.set(key, set);
    }
    const at = set;
    // The range first: a keystroke's few bytes never reach the `buffer` getter.
    return (bytes, from, n) => (n - from < MIN_LOADED || bytes.buffer !== memory.buffer ? js(bytes, from, n) : scans.reachStart(bytes.byteOffset, from, n, at));
  };
}

/**
 * A set of bytes as scan.wat tests it, by half-bytes: for each low half-byte l, bit h of byte l
 * (h < 8) or of byte 16 + l (h >= 8, bit h - 8) when the byte with high half h and low half l is in the set.
 */
function halfByteTables(set: Uint8Array): Uint8Array {
  const tables = new Uint8Array(32);
  for (let byte = 0; byte < 256; byte++) {
    if (set[byte] === 0) continue;
    const high = byte >> 4;
    tables[(high < 8 ? 0 : 16) + (byte & 15)]! |= 1 << (high & 7);
  }
  return tables;
}

/**
 * The table scan over `tables` in WebAssembly: `next` searches bytes that `load` copied into the
 * filter's memory and hands any other bytes to `js` (the same scan in JavaScript), as it does the
 * last DEPTH - 1 positions, where fewer than eight bytes are known. Null without WebAssembly.
 */
export function wasmTableScan(tables: FilterTables, js: StartFilter['next']): (Pick<StartFilter, 'next'> & FilterMemory) | null {
  const made = filterMemory(tables, []);
  if (!made) return null;
  const { memory, scans, load, reachStart } = made;
  return {
    next: (bytes, from, to) => {
      const stop = Math.min(to, bytes.length - (DEPTH - 1));
      // scan.wat compares unsigned: it is given only a range it has positions to test in. (The
      // range first: a keystroke's few bytes never reach the `buffer` getter.)
      if (from >= stop || bytes.buffer !== memory.buffer) return js(bytes, from, to);
      const at = scans.tableScan(bytes.byteOffset, from, stop);
      return at < stop ? at : js(bytes, at, to);
    },
    load,
    reachStart,
  };
}

/**
 * table-and-run-scan.ts's loop in WebAssembly (scan.wat's `tableRunScan`), for bytes `load`
 * copied into the filter's memory; `js` finds the same events in any other bytes. Null without
 * WebAssembly, or when some run is shorter than a block.
 */
export function wasmRunEvents(tables: FilterTables, runs: readonly RunSignature[], js: RunEvents): ({ events: RunEvents } & FilterMemory) | null {
  const least = leastRun(runs);
  if (least < BLOCK) return null;
  const made = filterMemory(tables, runs);
  if (!made) return null;
  const { memory, scans, load, reachStart } = made;
  const runStartOut = new Int32Array(memory.buffer, RUN_START_AT, 1);
  const event: RunEvent = { at: 0, start: 0 };
  return {
    // The driver calls it with 0 <= from < stop (scan.wat compares unsigned: a negative stop would be huge).
    events: (bytes, from, stop, runStart) => {
      if (bytes.buffer !== memory.buffer) return js(bytes, from, stop, runStart);
      event.at = scans.tableRunScan(bytes.byteOffset, from, stop, runStart, least);
      event.start = runStartOut[0]!;
      return event;
    },
    load,
    reachStart,
  };
}

let hidden: { data: Buffer; scans: ScanExports; loaded: Uint8Array | null } | null | undefined;

/**
 * Copies `raw` for `nextHiddenLoaded` and returns true, or false when the JavaScript search
 * should run (no WebAssembly, or too few or too many bytes).
 */
export function loadForHiddenSearch(raw: Uint8Array): boolean {
  if (raw.length < MIN_LOADED || raw.length > MAX_LOADED) return false;
  if (hidden === undefined) {
    const made = instantiate(0);
    hidden = made && { data: Buffer.from(made.memory.buffer, made.dataAt, DATA_BYTES), scans: made.scans, loaded: null };
  }
  if (!hidden) return false;
  hidden.data.set(raw);
  hidden.loaded = raw;
  return true;
}

/**
 * In `raw`, loaded by `loadForHiddenSearch`, the first position from `from` that stripAnsi looks
 * closer at (see scan.wat), or its length. One frame is loaded at a time: `raw` is loaded again
 * if another frame was loaded since.
 */
export function nextHiddenLoaded(raw: Uint8Array, from: number): number {
  if (hidden!.loaded !== raw) loadForHiddenSearch(raw);
  return hidden!.scans.nextHidden(hidden!.data.byteOffset, from, raw.length);
}
