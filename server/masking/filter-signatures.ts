/**
 * The start filter's signatures and shapes (see regex-prefilter.ts), and how too many of them
 * are merged into fewer that accept at least as much. Built once per rule set: none of this
 * runs on the data path.
 */

/** Shapes kept per rule part before merging. */
const MAX_SHAPES = 64;

export interface Signature {
  rule: number;
  /** Bytes allowed right before the match. */
  before: Uint8Array;
  shape: Shape;
}

/** The byte sets of a match's first bytes, one per position (fewer when the match can end sooner). */
export type Shape = Uint8Array[];

/**
 * Drops duplicates. Too many shapes: merges those of the same length and first two bytes (a
 * union per position, still a superset; the first two bytes are what the first test reads),
 * then, if still too many, those of the same length.
 */
export function capShapes(shapes: Shape[]): Shape[] {
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
export function mergeSignatures(signatures: Signature[], depth: number, max: number): Signature[] {
  let merged = signatures;
  for (let changed = true; changed && merged.length > max;) {
    const before = merged.length;
    for (let position = -1; position < depth; position++) merged = mergeBy(merged, (s) => `${s.rule}:${keyOf(s, position, depth)}`);
    changed = merged.length < before;
  }
  for (const byRule of [true, false]) {
    for (let shared = depth - 1; shared >= 0 && merged.length > max; shared--) {
      if (!byRule || shared >= 2) merged = mergeBy(merged, (s) => `${byRule ? s.rule : ''}:${keyOf(s, depth, shared)}`);
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
