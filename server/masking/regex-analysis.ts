import type { RegexNode } from './regex-ast';
import { foldCase } from './regex-print';

/** Shortest match length (assertions are zero-width). */
export function minLength(node: RegexNode): number {
  switch (node.type) {
    case 'char':
    case 'class':
    case 'any':
      return 1;
    case 'seq':
      return node.items.reduce((sum, item) => sum + minLength(item), 0);
    case 'alt':
      return Math.min(...node.options.map(minLength));
    case 'group':
      return minLength(node.body);
    case 'repeat':
      return node.min === 0 ? 0 : node.min * minLength(node.body);
    case 'assert':
    case 'look':
      return 0;
    case 'fail':
      return Infinity;
  }
}

/** Longest match length, `Infinity` for unbounded patterns. */
export function maxLength(node: RegexNode): number {
  switch (node.type) {
    case 'char':
    case 'class':
    case 'any':
      return 1;
    case 'seq':
      return node.items.reduce((sum, item) => sum + maxLength(item), 0);
    case 'alt':
      return Math.max(...node.options.map(maxLength));
    case 'group':
      return maxLength(node.body);
    case 'repeat': {
      const body = maxLength(node.body);
      return body === 0 ? 0 : node.max * body;
    }
    case 'assert':
    case 'look':
    case 'fail':
      return 0;
  }
}

/**
 * Marks every byte that can occur in a match, or be read by a lookahead after it. A tail of
 * the buffer that contains a byte outside this set cannot be the start of a match in progress.
 */
export function markBytes(node: RegexNode, ignoreCase: boolean, dotAll: boolean, table: Uint8Array): void {
  const mark = (ranges: Array<[number, number]>, negated: boolean): void => {
    const inSet = new Uint8Array(256);
    for (const [lo, hi] of ignoreCase ? foldCase(ranges) : ranges) {
      if (lo > 0xff) continue;
      inSet.fill(1, lo, Math.min(hi, 0xff) + 1);
      // A non-ASCII code point is matched as its UTF-8 bytes.
      if (hi >= 0x80) inSet.fill(1, 0x80, 0x100);
    }
    for (let b = 0; b < 256; b++) if ((inSet[b] === 1) !== negated) table[b] = 1;
  };
  switch (node.type) {
    case 'char':
      mark([[node.code, node.code]], false);
      return;
    case 'class':
      mark(node.ranges, node.negated);
      return;
    case 'any':
      mark(
        dotAll
          ? []
          : [
              [0x0a, 0x0a],
              [0x0d, 0x0d],
            ],
        true,
      );
      return;
    case 'seq':
      for (const item of node.items) markBytes(item, ignoreCase, dotAll, table);
      return;
    case 'alt':
      for (const option of node.options) markBytes(option, ignoreCase, dotAll, table);
      return;
    case 'group':
    case 'repeat':
      markBytes(node.body, ignoreCase, dotAll, table);
      return;
    case 'look':
      if (!node.behind) markBytes(node.body, ignoreCase, dotAll, table);
      return;
    case 'assert':
    case 'fail':
      return;
  }
}

const BUFFER_END: RegexNode = { type: 'assert', kind: 'bufferEnd' };
const FAIL: RegexNode = { type: 'fail' };

const seq = (...items: RegexNode[]): RegexNode => ({ type: 'seq', items });
const alt = (...options: RegexNode[]): RegexNode => ({ type: 'alt', options });
const isAtom = (n: RegexNode): boolean => n.type === 'char' || n.type === 'class' || n.type === 'any';

/**
 * The "partial match" pattern: matches at position j exactly when the text from j to the
 * end of the buffer is a non-empty prefix of some possible match, i.e. more input could
 * still complete or extend a match starting at j. Lookbehinds are kept (the past is known);
 * word boundaries and `$` at the end of the buffer count as undecided.
 */
export function partialPattern(node: RegexNode): RegexNode {
  return nonEmptyPrefix(node);
}

/** Prefix (possibly empty) followed by the end of the buffer. */
function prefix(node: RegexNode): RegexNode {
  switch (node.type) {
    case 'char':
    case 'class':
    case 'any':
      return seq({ type: 'repeat', body: node, min: 0, max: 1, lazy: false }, BUFFER_END);
    case 'seq':
      return prefixOfSeq(node.items, 0, false);
    case 'alt':
      return alt(...node.options.map(prefix));
    case 'group':
      return prefix(node.body);
    case 'repeat':
      if (node.max === 0) return BUFFER_END;
      if (isAtom(node.body)) return seq({ type: 'repeat', body: node.body, min: 0, max: node.max, lazy: false }, BUFFER_END);
      return seq({ type: 'repeat', body: node.body, min: 0, max: node.max - 1, lazy: false }, prefix(node.body));
    case 'assert':
      return node.kind === 'start' ? seq(node, BUFFER_END) : BUFFER_END;
    case 'look':
      return seq(lookAtEnd(node), BUFFER_END);
    case 'fail':
      return FAIL;
  }
}

function nonEmptyPrefix(node: RegexNode): RegexNode {
  switch (node.type) {
    case 'char':
    case 'class':
    case 'any':
      return seq(node, BUFFER_END);
    case 'seq':
      return prefixOfSeq(node.items, 0, true);
    case 'alt':
      return alt(...node.options.map(nonEmptyPrefix));
    case 'group':
      return nonEmptyPrefix(node.body);
    case 'repeat':
      if (node.max === 0) return FAIL;
      if (isAtom(node.body)) return seq({ type: 'repeat', body: node.body, min: 1, max: node.max, lazy: false }, BUFFER_END);
      return seq({ type: 'repeat', body: node.body, min: 0, max: node.max - 1, lazy: false }, nonEmptyPrefix(node.body));
    case 'assert':
    case 'look':
    case 'fail':
      return FAIL;
  }
}

function prefixOfSeq(items: RegexNode[], index: number, nonEmpty: boolean): RegexNode {
  const head = items[index];
  if (head === undefined) return nonEmpty ? FAIL : BUFFER_END;
  const rest = (): RegexNode => prefixOfSeq(items, index + 1, nonEmpty);
  if (head.type === 'assert') {
    if (head.kind === 'start') return seq(head, rest());
    // Undecided when the buffer ends right here; decided by the next character otherwise.
    return nonEmpty ? seq(head, rest()) : alt(BUFFER_END, seq(head, rest()));
  }
  if (head.type === 'look') return seq(head.behind ? head : lookAtEnd(head), rest());
  if (isAtom(head)) {
    // One character: either the buffer ends before it, or it is consumed whole (and any
    // lookbehind right after it is checked).
    const consumed = seq(head, prefixOfSeq(items, index + 1, false));
    return nonEmpty ? consumed : alt(BUFFER_END, consumed);
  }
  const headPrefix = nonEmpty ? nonEmptyPrefix(head) : prefix(head);
  const restPrefix = prefixOfSeq(items, index + 1, false);
  const options = [headPrefix, seq(head, restPrefix)];
  // `seq(head, restPrefix)` may be empty when head is optional; then the rest alone must be non-empty.
  if (nonEmpty && minLength(head) === 0) options.push(rest());
  return alt(...options);
}

/** A lookahead near the end of the buffer may be undecided: accept "could still match" too. */
function lookAtEnd(node: Extract<RegexNode, { type: 'look' }>): RegexNode {
  const undecided: RegexNode = { type: 'look', behind: false, negated: false, body: prefix(node.body) };
  return alt({ ...node }, undecided);
}

/**
 * Marks the bytes a match can start with; returns whether the node can match empty (then
 * whatever follows it can start the match too).
 */
export function markFirstBytes(node: RegexNode, ignoreCase: boolean, dotAll: boolean, table: Uint8Array): boolean {
  switch (node.type) {
    case 'char':
    case 'class':
    case 'any':
      markBytes(node, ignoreCase, dotAll, table);
      return false;
    case 'seq':
      for (const item of node.items) if (!markFirstBytes(item, ignoreCase, dotAll, table)) return false;
      return true;
    case 'alt': {
      let nullable = false;
      for (const option of node.options) nullable = markFirstBytes(option, ignoreCase, dotAll, table) || nullable;
      return nullable;
    }
    case 'group':
      return markFirstBytes(node.body, ignoreCase, dotAll, table);
    case 'repeat':
      return markFirstBytes(node.body, ignoreCase, dotAll, table) || node.min === 0;
    case 'assert':
    case 'look':
      return true;
    case 'fail':
      return false;
  }
}
