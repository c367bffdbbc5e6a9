import type { RegexNode } from './regex-ast';
import { markBytes } from './regex-analysis';
import type { FilterRule } from './regex-prefilter';

/**
 * Bytes of a match looked at (after the byte before it): enough to tell "token" from "to",
 * and a row of dashes in a table from "-----BEGIN".
 */
export const DEPTH = 8;
/** One bit per signature in an Int32 table. */
export const MAX_SIGNATURES = 31;
const MAX_SHAPES = 64;
/** Index of "no byte before: start of the text" in `before`. */
export const START = 256;

export interface Signature {
  rule: number;
  /** Bytes allowed right before the match. */
  before: Uint8Array;
  shape: Shape;
}

/** The byte sets of a match's first bytes, one per position (fewer when the match can end sooner). */
type Shape = Uint8Array[];

/**
 * The possible byte sets at the first DEPTH positions of a match, one shape per way of
 * getting there (a shape shorter than DEPTH: the match can end there). Zero-width parts
 * constrain nothing here.
 */
export function shapesOf(node: RegexNode, flags: Omit<FilterRule, 'ast'>): Shape[] {
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

/**
 * Drops duplicates. Too many shapes: merges those of the same length and first two bytes (a
 * union per position, still a superset; the first two bytes are what the first test reads),
 * then, if still too many, those of the same length.
 */
function capShapes(shapes: Shape[]): Shape[] {
  let merged = mergeShapes(shapes, (shape) => shape.map(setKey).join('/'));
  if (merged.length > MAX_SHAPES) merged = mergeShapes(merged, (shape) => `${shape.length}:${shape.slice(0, 2).map(setKey).join('/')}`);
  if (merged.length > MAX_SHAPES) merged = mergeShapes(merged, (shape) => String(shape.length));
  return merged;
}

const setKeys = new WeakMap<Uint8Array, string>();

/** A set as a short string (shapes share set objects, so each is computed once). */
function setKey(set: Uint8Array): string {
  let key = setKeys.get(set);
  if (key === undefined) {
    key = '';
    for (let b = 0; b < 256; b += 16) {
      let bits = 0;
      for (let i = 0; i < 16; i++) bits |= set[b + i]! << i;
      key += String.fromCharCode(bits + 0x100);
    }
    setKeys.set(set, key);
  }
  return key;
}

function mergeShapes(shapes: Shape[], key: (shape: Shape) => string): Shape[] {
  const groups = new Map<string, Shape>();
  for (const shape of shapes) {
    const k = key(shape);
    const group = groups.get(k);
    groups.set(k, group ? group.map((set, i) => union(set, shape[i]!)) : shape);
  }
  return [...groups.values()];
}

/**
 * Fewer signatures, each accepting at least what it replaces: first those that differ in one
 * position only (their union is exact), then those of one rule sharing ever fewer leading
 * positions, then of any rule. The first two positions are kept apart as long as possible:
 * they are what the one-load first test reads.
 */
export function mergeSignatures(signatures: Signature[]): Signature[] {
  let merged = signatures;
  for (let changed = true; changed && merged.length > MAX_SIGNATURES; ) {
    const before = merged.length;
    for (let position = -1; position < DEPTH; position++) merged = mergeBy(merged, (s) => `${s.rule}:${keyOf(s, position, DEPTH)}`);
    changed = merged.length < before;
  }
  for (const byRule of [true, false]) {
    for (let shared = DEPTH - 1; shared >= 0 && merged.length > MAX_SIGNATURES; shared--) {
      if (!byRule || shared >= 2) merged = mergeBy(merged, (s) => `${byRule ? s.rule : ''}:${keyOf(s, DEPTH, shared)}`);
    }
  }
  return merged;
}

/** The signature's sets, all but the one at `skip` (-1: the byte before) and none from `upTo` on. */
function keyOf(signature: Signature, skip: number, upTo: number): string {
  const sets = [signature.before, ...signature.shape.slice(0, upTo)].filter((_, i) => i !== skip + 1);
  return sets.map(setKey).join('/');
}

function mergeBy(signatures: Signature[], key: (s: Signature) => string): Signature[] {
  const groups = new Map<string, Signature>();
  for (const signature of signatures) {
    const k = key(signature);
    const group = groups.get(k);
    if (!group) {
      groups.set(k, signature);
      continue;
    }
    groups.set(k, {
      rule: group.rule,
      before: union(group.before, signature.before),
      shape: group.shape.map((set, i) => union(set, signature.shape[i]!)),
    });
  }
  return [...groups.values()];
}

function union(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a === b) return a;
  const out = new Uint8Array(256);
  for (let byte = 0; byte < 256; byte++) out[byte] = a[byte]! | b[byte]!;
  return out;
}

export const ANY = new Uint8Array(256).fill(1);
const WORD = new Uint8Array(256);
markBytes({ type: 'class', ranges: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]], negated: false }, false, false, WORD);

/**
 * The bytes allowed right before a match, from the rule's leading assertions: `\b` before a
 * word character, `^`, and lookbehinds of one character. Anything else allows every byte.
 */
export function allowedBefore(ast: RegexNode, flags: Omit<FilterRule, 'ast'>): Uint8Array {
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
