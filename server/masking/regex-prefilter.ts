import type { RegexNode } from './regex-ast';
import { markBytes } from './regex-analysis';
import { capShapes, mergeSignatures, type Shape, type Signature } from './filter-signatures';
import { leadingRun, runBytesOf, runScan, type RunSignature } from './run-scan';
import { DEPTH, START, type FilterRule, type StartFilter } from './start-filter';
import { jsRunEvents, tableAndRunScan } from './table-and-run-scan';
import { tableScan, type FilterTables } from './table-scan';
import { wasmRunEvents, wasmTableScan } from './wasm/wasm-scans';

export type { FilterRule, StartFilter };

/** One bit per signature in an Int32 table. */
const MAX_SIGNATURES = 31;
/** Classes of bytes before a match: each adds 64 KiB to the table of the filter's first test. */
const MAX_BEFORE_CLASSES = 8;
const MAX_CACHED = 16;

/**
 * Filters are shared by maskers with the same V8 rules (built-ins with per-resource overrides,
 * so few sets): building one takes milliseconds, and its first test's table is 64 KiB per class of
 * bytes before a match (up to 512 KiB).
 */
const cache = new Map<string, StartFilter | null>();

/** `null` when some rule may match the empty string, or the rules give nothing to filter on. */
export function buildStartFilter(rules: readonly FilterRule[]): StartFilter | null {
  const key = JSON.stringify(rules);
  let filter = cache.get(key);
  if (filter === undefined) {
    filter = build(rules);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, filter);
  }
  return filter;
}

function build(rules: readonly FilterRule[]): StartFilter | null {
  const parts = filterParts(rules);
  if (!parts) return null;
  const { tables, runs, signatures } = parts;
  if (runs.length === 0) {
    if (signatures === 0) return null;
    const scan = tableScan(tables);
    return { ...tables, ...(wasmTableScan(tables, scan) ?? { next: scan }), runBytes: null };
  }
  // The rules found by a run are looked for in the table scan's loop (no signature: the run search alone).
  if (signatures === 0) return { ...tables, next: runScan(runs), runBytes: runBytesOf(runs) };
  const js = jsRunEvents(tables, runs);
  const wasm = wasmRunEvents(tables, runs, js);
  return {
    ...tables,
    next: tableAndRunScan(tables, runs, wasm?.events ?? js),
    ...(wasm && { load: wasm.load, reachStart: wasm.reachStart }),
    runBytes: runBytesOf(runs),
  };
}

/**
 * What the filter's searches read: the tables of the rules' signatures (`signatures` of them after
 * merging) and the rules found by a leading run. Null as for buildStartFilter.
 */
export function filterParts(rules: readonly FilterRule[]): { tables: FilterTables; runs: RunSignature[]; signatures: number } | null {
  const signatures: Signature[] = [];
  const runs: RunSignature[] = [];
  for (const [index, rule] of rules.entries()) {
    const shapes = shapesOf(rule.ast, rule);
    if (shapes.some((shape) => shape.length === 0)) return null;
    const before = allowedBefore(rule.ast, rule);
    const run = leadingRun(rule.ast, rule);
    if (run) {
      runs.push({ before: Uint8Array.from([...before, 1]), ...run });
      continue;
    }
    // A shorter shape: the match may end there, so whatever follows is allowed.
    for (const shape of shapes) signatures.push({ rule: index, before, shape: [...shape, ...Array<Uint8Array>(DEPTH - shape.length).fill(ANY)] });
  }
  const merged = signatures.length > MAX_SIGNATURES ? mergeSignatures(signatures, DEPTH, MAX_SIGNATURES) : signatures;
  if (merged.length > MAX_SIGNATURES) return null;

  const before = new Int32Array(257);
  const at = Array.from({ length: DEPTH }, () => new Int32Array(256));
  merged.forEach((signature, index) => {
    const bit = 1 << index;
    for (let b = 0; b < 256; b++) if (signature.before[b] === 1) before[b]! |= bit;
    before[START]! |= bit;
    at.forEach((table, position) => {
      const set = signature.shape[position];
      for (let b = 0; b < 256; b++) if (!set || set[b] === 1) table[b]! |= bit;
    });
  });
  const triples = tripleTable(before, at);
  if (!triples) return null;
  return { tables: { before, at, ...triples }, runs, signatures: merged.length };
}

/**
 * The first test's table: the class of the byte before (bytes allowed by the same signatures
 * share one) and the first two bytes, in one index.
 */
function tripleTable(before: Int32Array, at: Int32Array[]): { triples: Uint8Array; prevClass: Int32Array } | null {
  const classes = new Map<number, number>();
  const prevClass = new Int32Array(257);
  const representative: number[] = [];
  for (let b = 0; b <= START; b++) {
    let index = classes.get(before[b]!);
    if (index === undefined) {
      index = classes.size;
      classes.set(before[b]!, index);
      representative.push(b);
    }
    prevClass[b] = index << 16;
  }
  if (classes.size > MAX_BEFORE_CLASSES) return null;
  const triples = new Uint8Array(classes.size << 16);
  representative.forEach((b, index) => {
    for (let c0 = 0; c0 < 256; c0++) {
      const m = before[b]! & at[0]![c0]!;
      if (m === 0) continue;
      for (let c1 = 0; c1 < 256; c1++) if ((m & at[1]![c1]!) !== 0) triples[(index << 16) | (c0 << 8) | c1] = 1;
    }
  });
  return { triples, prevClass };
}

/**
 * The possible byte sets at the first DEPTH positions of a match, one shape per way of
 * getting there (a shape shorter than DEPTH: the match can end there). Zero-width parts
 * constrain nothing here.
 */
function shapesOf(node: RegexNode, flags: Omit<FilterRule, 'ast'>): Shape[] {
  switch (node.type) {
    case 'char':
    case 'class':
    case 'any': {
      const set = new Uint8Array(256);
      markBytes(node, flags.ignoreCase, flags.dotAll, set);
      return [[set]];
    }
    case 'seq': {
      let shapes: Shape[] = [[]];
      for (const item of node.items) shapes = append(shapes, shapesOf(item, flags));
      return shapes;
    }
    case 'alt':
      return capShapes(node.options.flatMap((option) => shapesOf(option, flags)));
    case 'group':
      return shapesOf(node.body, flags);
    case 'repeat': {
      // Past DEPTH repetitions nothing new appears within the first DEPTH bytes.
      const body = shapesOf(node.body, flags);
      const lo = Math.min(node.min, DEPTH);
      const hi = Math.min(node.max, DEPTH);
      let shapes: Shape[] = [[]];
      const result: Shape[] = [];
      for (let count = 0; count <= hi; count++) {
        if (count >= lo) result.push(...shapes);
        if (count < hi) shapes = append(shapes, body);
      }
      return capShapes(result);
    }
    case 'assert':
    case 'look':
      return [[]];
    case 'fail':
      return [];
  }
}

function append(heads: Shape[], tails: Shape[]): Shape[] {
  const out: Shape[] = [];
  for (const head of heads) {
    if (head.length >= DEPTH) out.push(head);
    else for (const tail of tails) out.push([...head, ...tail].slice(0, DEPTH));
  }
  return capShapes(out);
}

const ANY = new Uint8Array(256).fill(1);
const WORD = new Uint8Array(256);
markBytes(
  {
    type: 'class',
    ranges: [
      [0x30, 0x39],
      [0x41, 0x5a],
      [0x5f, 0x5f],
      [0x61, 0x7a],
    ],
    negated: false,
  },
  false,
  false,
  WORD,
);

/**
 * The bytes allowed right before a match, from the rule's leading assertions: `\b` before a
 * word character, `^`, and lookbehinds of one character. Anything else allows every byte.
 */
function allowedBefore(ast: RegexNode, flags: Omit<FilterRule, 'ast'>): Uint8Array {
  const allowed = new Uint8Array(256).fill(1);
  const items = ast.type === 'seq' ? ast.items : [ast];
  let index = 0;
  for (; index < items.length; index++) {
    const item = items[index]!;
    if (item.type !== 'assert' && item.type !== 'look') break;
  }
  const firstBytes = shapesOf({ type: 'seq', items: items.slice(index) }, flags);
  const startsWithWordByte = firstBytes.every((shape) => shape[0]?.every((b, byte) => b === 0 || WORD[byte] === 1) ?? false);
  for (const item of items.slice(0, index)) {
    if (item.type === 'assert' && item.kind === 'word' && startsWithWordByte) {
      for (let b = 0; b < 256; b++) if (WORD[b] === 1) allowed[b] = 0;
    } else if (item.type === 'assert' && item.kind === 'start') {
      for (let b = 0; b < 256; b++) if (b !== 0x0a) allowed[b] = 0;
    } else if (item.type === 'look' && item.behind && isOneByte(item.body)) {
      const set = new Uint8Array(256);
      markBytes(item.body, flags.ignoreCase, flags.dotAll, set);
      for (let b = 0; b < 256; b++) if ((set[b] === 1) === item.negated) allowed[b] = 0;
    } else if (item.type === 'look' && item.behind && !item.negated) {
      // `(?<=(?:\n|")[ \t]{0,16})`: the byte before is one its body can end with.
      const last = new Uint8Array(256);
      if (!markLastBytes(item.body, flags, last)) for (let b = 0; b < 256; b++) if (last[b] === 0) allowed[b] = 0;
    }
  }
  return allowed;
}

/** Marks the bytes a match of `node` can end with; returns whether it can match empty. */
function markLastBytes(node: RegexNode, flags: Omit<FilterRule, 'ast'>, table: Uint8Array): boolean {
  switch (node.type) {
    case 'char':
    case 'class':
    case 'any':
      markBytes(node, flags.ignoreCase, flags.dotAll, table);
      return false;
    case 'seq':
      for (let i = node.items.length - 1; i >= 0; i--) if (!markLastBytes(node.items[i]!, flags, table)) return false;
      return true;
    case 'alt': {
      let nullable = false;
      for (const option of node.options) nullable = markLastBytes(option, flags, table) || nullable;
      return nullable;
    }
    case 'group':
      return markLastBytes(node.body, flags, table);
    case 'repeat':
      return markLastBytes(node.body, flags, table) || node.min === 0;
    case 'assert':
    case 'look':
      return true;
    case 'fail':
      return false;
  }
}

function isOneByte(node: RegexNode): boolean {
  if (node.type === 'group') return isOneByte(node.body);
  return node.type === 'char' || node.type === 'class' || node.type === 'any';
}
