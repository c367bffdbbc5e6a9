/**
 * A small parser and printer for the regular-expression subset the masking rules use
 * (the common ground of JavaScript and RE2 syntax). The engine needs the structure, not
 * just the source: to combine rules into one pass, to derive each rule's "could this tail
 * still become a match" pattern for streaming hold-back, and to bound match lengths.
 */

export type RegexNode =
  | { type: 'char'; code: number }
  | { type: 'class'; ranges: Array<[number, number]>; negated: boolean }
  | { type: 'any' }
  | { type: 'seq'; items: RegexNode[] }
  | { type: 'alt'; options: RegexNode[] }
  | { type: 'group'; capture: boolean; name?: string; body: RegexNode }
  | { type: 'repeat'; body: RegexNode; min: number; max: number; lazy: boolean }
  | { type: 'assert'; kind: 'start' | 'end' | 'word' | 'nonword' | 'bufferEnd' }
  | { type: 'look'; behind: boolean; negated: boolean; body: RegexNode }
  | { type: 'fail' };

export class RegexSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = 'RegexSyntaxError';
  }
}

const DIGIT: Array<[number, number]> = [[0x30, 0x39]];
const WORD: Array<[number, number]> = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
// ASCII whitespace only: the engine matches bytes, and JS's \s would also take 0xA0, a UTF-8
// continuation byte.
const SPACE: Array<[number, number]> = [
  [0x09, 0x0d],
  [0x20, 0x20],
];

const SPECIAL_CLASS: Record<string, { ranges: Array<[number, number]>; negated: boolean }> = {
  d: { ranges: DIGIT, negated: false },
  D: { ranges: DIGIT, negated: true },
  w: { ranges: WORD, negated: false },
  W: { ranges: WORD, negated: true },
  s: { ranges: SPACE, negated: false },
  S: { ranges: SPACE, negated: true },
};

const CONTROL_ESCAPES: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, f: 0x0c, v: 0x0b, '0': 0 };

export interface ParsedRegex {
  ast: RegexNode;
  /** Leading RE2-style `(?i)` is folded into flags. */
  flags: string;
}

export function parseRegex(source: string, flags = ''): ParsedRegex {
  let pos = 0;
  let extraFlags = '';
  const inline = /^\(\?([ims]+)\)/.exec(source);
  if (inline?.[1]) {
    extraFlags = inline[1];
    pos = inline[0].length;
  }

  const peek = (): string | undefined => source[pos];
  const fail = (message: string): never => {
    throw new RegexSyntaxError(message, pos);
  };

  function parseAlt(): RegexNode {
    const options: RegexNode[] = [parseSeq()];
    while (peek() === '|') {
      pos++;
      options.push(parseSeq());
    }
    return options.length === 1 ? options[0]! : { type: 'alt', options };
  }

  function parseSeq(): RegexNode {
    const items: RegexNode[] = [];
    while (pos < source.length && peek() !== '|' && peek() !== ')') {
      items.push(parseQuantified());
    }
    return items.length === 1 ? items[0]! : { type: 'seq', items };
  }

  function parseQuantified(): RegexNode {
    const atom = parseAtom();
    const c = peek();
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(pos));
      if (!m) return fail('A "{" that is not a quantifier must be escaped');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (max < min) fail('Quantifier range out of order');
      pos += m[0].length - 1;
    } else return atom;
    pos++;
    if (atom.type === 'assert' || atom.type === 'look') fail('Nothing to repeat');
    const lazy = peek() === '?';
    if (lazy) pos++;
    if (peek() === '+') fail('Possessive quantifiers are not supported');
    return { type: 'repeat', body: atom, min, max, lazy };
  }

  function parseAtom(): RegexNode {
    const c = source[pos++];
    switch (c) {
      case '(':
        return parseGroup();
      case '[':
        return parseClass();
      case '.':
        return { type: 'any' };
      case '^':
        return { type: 'assert', kind: 'start' };
      case '$':
        return { type: 'assert', kind: 'end' };
      case '\\':
        return parseEscape(false) as RegexNode;
      case '*':
      case '+':
      case '?':
        return fail('Nothing to repeat');
      case '{':
      case '}':
      case ']':
        return fail(`Unescaped "${c}"`);
      case undefined:
        return fail('Unexpected end of pattern');
      default:
        return { type: 'char', code: c.charCodeAt(0) };
    }
  }

  function parseGroup(): RegexNode {
    let node: RegexNode;
    const rest = source.slice(pos);
    const named = /^\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
    if (named) {
      pos += named[0].length;
      node = { type: 'group', capture: true, name: named[1], body: parseAlt() };
    } else if (rest.startsWith('?:')) {
      pos += 2;
      node = { type: 'group', capture: false, body: parseAlt() };
    } else if (/^\?<?[=!]/.test(rest)) {
      const behind = rest[1] === '<';
      const negated = (behind ? rest[2] : rest[1]) === '!';
      pos += behind ? 3 : 2;
      node = { type: 'look', behind, negated, body: parseAlt() };
    } else if (rest.startsWith('?')) {
      return fail('Unsupported group syntax');
    } else {
      node = { type: 'group', capture: true, body: parseAlt() };
    }
    if (source[pos++] !== ')') fail('Unterminated group');
    return node;
  }

  /** Returns a node, or for class members a list of ranges. */
  function parseEscape(inClass: boolean): RegexNode | Array<[number, number]> {
    const c = source[pos++];
    if (c === undefined) return fail('Trailing backslash');
    const special = SPECIAL_CLASS[c];
    if (special) {
      if (inClass) {
        if (special.negated) fail(`\\${c} inside a character class is not supported`);
        return special.ranges;
      }
      return { type: 'class', ranges: special.ranges, negated: special.negated };
    }
    if (!inClass && (c === 'b' || c === 'B')) return { type: 'assert', kind: c === 'b' ? 'word' : 'nonword' };
    const control = CONTROL_ESCAPES[c];
    if (control !== undefined) {
      if (c === '0' && /\d/.test(peek() ?? '')) fail('Octal escapes are not supported');
      return charOrRange(control, inClass);
    }
    if (c === 'x') {
      const m = /^(?:([0-9a-fA-F]{2})|\{([0-9a-fA-F]{1,6})\})/.exec(source.slice(pos));
      if (!m) return fail('Bad \\x escape');
      pos += m[0].length;
      return charOrRange(parseInt(m[1] ?? m[2] ?? '', 16), inClass);
    }
    if (c === 'u') {
      const m = /^[0-9a-fA-F]{4}/.exec(source.slice(pos));
      if (!m) return fail('Bad \\u escape');
      pos += 4;
      return charOrRange(parseInt(m[0], 16), inClass);
    }
    if (/[0-9]/.test(c)) return fail('Back-references are not supported');
    if (/[A-Za-z]/.test(c)) return fail(`Unsupported escape \\${c}`);
    return charOrRange(c.charCodeAt(0), inClass);
  }

  function charOrRange(code: number, inClass: boolean): RegexNode | Array<[number, number]> {
    return inClass ? [[code, code]] : { type: 'char', code };
  }

  function parseClass(): RegexNode {
    const negated = peek() === '^';
    if (negated) pos++;
    const ranges: Array<[number, number]> = [];
    while (peek() !== ']') {
      if (pos >= source.length) fail('Unterminated character class');
      const lo = classAtom();
      if (peek() === '-' && source[pos + 1] !== ']' && pos + 1 < source.length) {
        pos++;
        const hi = classAtom();
        if (lo.length !== 1 || hi.length !== 1 || lo[0]![0] !== lo[0]![1] || hi[0]![0] !== hi[0]![1]) {
          fail('Bad range in character class');
        }
        if (hi[0]![0] < lo[0]![0]) fail('Character class range out of order');
        ranges.push([lo[0]![0], hi[0]![0]]);
      } else {
        ranges.push(...lo);
      }
    }
    pos++;
    if (ranges.length === 0 && !negated) fail('Empty character class');
    return { type: 'class', ranges, negated };
  }

  function classAtom(): Array<[number, number]> {
    const c = source[pos++];
    if (c === '\\') {
      const e = parseEscape(true);
      return Array.isArray(e) ? e : fail('Bad escape in character class');
    }
    if (c === '[') fail('Nested character classes are not supported');
    return [[c!.charCodeAt(0), c!.charCodeAt(0)]];
  }

  const ast = parseAlt();
  if (pos < source.length) fail(source[pos] === ')' ? 'Unmatched ")"' : 'Unexpected character');
  return { ast, flags: [...new Set(flags + extraFlags)].join('') };
}
