import type { RegexNode } from './regex-ast';
import { markBytes, markFirstBytes } from './regex-analysis';

const WORD_RANGES: Array<[number, number]> = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];

/**
 * `\bA…` → `(?<![A-Za-z0-9_])A…` when the match starts with a word character, then
 * `(?<!X)a…` → `a(?<!Xa)…` (also out of `a{2,4}`): the same language, but the regex engine
 * rejects most start positions on the first character before it evaluates the lookbehind,
 * and rules starting with the same character can share a branch. Only past one character:
 * further would not scan faster, and the hold-back pattern would accept tails the lookbehind
 * rejects (holding back echo for nothing).
 */
export function hoistLeadingLookbehind(ast: RegexNode): RegexNode {
  if (ast.type !== 'seq') return ast;
  let items = ast.items;
  const [first, second] = items;
  if (first?.type === 'assert' && first.kind === 'word' && second && startsWithWordByte(second)) {
    const notWord: RegexNode = { type: 'look', behind: true, negated: true, body: { type: 'class', ranges: WORD_RANGES, negated: false } };
    items = [notWord, ...items.slice(1)];
  }
  const [look, next, ...rest] = items;
  if (look?.type !== 'look' || !look.behind || !next) return { type: 'seq', items };
  const moved = (atom: RegexNode): RegexNode => ({ ...look, body: { type: 'seq', items: [look.body, atom] } });
  if (next.type === 'char' || next.type === 'class') return { type: 'seq', items: [next, moved(next), ...rest] };
  if (next.type === 'repeat' && next.min >= 1 && (next.body.type === 'char' || next.body.type === 'class')) {
    const remaining: RegexNode = { ...next, min: next.min - 1, max: next.max - 1 };
    return { type: 'seq', items: [next.body, moved(next.body), remaining, ...rest] };
  }
  return { type: 'seq', items };
}

function startsWithWordByte(node: RegexNode): boolean {
  const first = new Uint8Array(256);
  if (markFirstBytes(node, false, false, first)) return false;
  const word = new Uint8Array(256);
  markBytes({ type: 'class', ranges: WORD_RANGES, negated: false }, false, false, word);
  return first.every((b, byte) => b === 0 || word[byte] === 1);
}
