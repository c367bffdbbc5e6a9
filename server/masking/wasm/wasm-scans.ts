import type { StartFilter } from '../start-filter';
import { DEPTH } from '../start-filter';
import type { FilterTables } from '../table-scan';
import { nibbleBuckets } from './nibble-buckets';
import { SCAN_MODULE_BASE64 } from './scan-module';

/**
 * The WebAssembly forms of the engine's two scans over every byte (scan.wat): the start filter's
 * table scan and the search for hidden bytes. They read bytes copied into their memory: a
 * frame's text is copied once (a memcpy) and searched many times. Where WebAssembly is not
 * available, or the bytes are fewer than 32 or more than the memory's data area, the JavaScript
 * scans run instead: the results are the same (scan-module.test.ts), only the speed differs.
 */

interface ScanExports {
  tableScan(p: number, from: number, stop: number): number;
  nextHidden(p: number, from: number, n: number): number;
}

const PAGE = 65536;
/** Where scan.wat expects the filter's tables. */
const BEFORE_AT = 0;
const AT_AT = 1040;
const NIBBLES_AT = 9232;
const TABLES_END = NIBBLES_AT + 128;
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

/** A memory of `headerBytes` (tables) then the data area, with the module instantiated over it. */
function instantiate(headerBytes: number): { memory: WebAssembly.Memory; scans: ScanExports; dataAt: number } | null {
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

/**
 * The table scan over `tables` in WebAssembly: `next` searches bytes that `load` copied into the
 * filter's memory and hands any other bytes to `js` (the same scan in JavaScript), as it does the
 * last DEPTH - 1 positions, where fewer than eight bytes are known. Null without WebAssembly.
 */
export function wasmTableScan(tables: FilterTables, js: StartFilter['next']): Required<Pick<StartFilter, 'next' | 'load'>> | null {
  const made = instantiate(TABLES_END);
  if (!made) return null;
  const { memory, scans, dataAt } = made;
  new Int32Array(memory.buffer, BEFORE_AT, 257).set(tables.before);
  tables.at.forEach((table, k) => new Int32Array(memory.buffer, AT_AT + 1024 * k, 256).set(table));
  new Uint8Array(memory.buffer, NIBBLES_AT, 128).set(nibbleBuckets(tables.at));
  const data = Buffer.from(memory.buffer, dataAt, DATA_BYTES);
  return {
    next: (bytes, from, to) => {
      const stop = Math.min(to, bytes.length - (DEPTH - 1));
      // scan.wat compares unsigned: it is given only a range it has positions to test in. (The
      // range first: a keystroke's few bytes never reach the `buffer` getter.)
      if (from >= stop || bytes.buffer !== memory.buffer) return js(bytes, from, to);
      const at = scans.tableScan(bytes.byteOffset, from, stop);
      return at < stop ? at : js(bytes, at, to);
    },
    load: (bytes) => {
      if (bytes.length < MIN_LOADED || bytes.length > MAX_LOADED) return bytes;
      data.set(bytes);
      return data.subarray(0, bytes.length);
    },
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
