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
  let start = 0;
  let extraFlags = '';
  const inline = /^\(\?([ims]+)\)/.exec(source);
  if (inline?.[1]) {
    extraFlags = inline[1];
    start = inline[0].length;
  }
  const ast = new RegexParser(source, start).parse();
  return { ast, flags: [...new Set(flags + extraFlags)].join('') };
}

/** A recursive-descent parser over one pattern; `pos` is where it reads next. */
class RegexParser {
  constructor(
    private readonly source: string,
    private pos: number,
  ) {}

  parse(): RegexNode {
    const ast = this.parseAlt();
    if (this.pos < this.source.length) this.fail(this.source[this.pos] === ')' ? 'Unmatched ")"' : 'Unexpected character');
    return ast;
  }

  private peek(): string | undefined {
    return this.source[this.pos];
  }

  private fail(message: string): never {
    throw new RegexSyntaxError(message, this.pos);
  }

  private parseAlt(): RegexNode {
    const options: RegexNode[] = [this.parseSeq()];
    while (this.peek() === '|') {
      this.pos++;
      options.push(this.parseSeq());
    }
    return options.length === 1 ? options[0]! : { type: 'alt', options };
  }

  private parseSeq(): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      items.push(this.parseQuantified());
    }
    return items.length === 1 ? items[0]! : { type: 'seq', items };
  }

  private parseQuantified(): RegexNode {
    const atom = this.parseAtom();
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.pos));
      if (!m) return this.fail('A "{" that is not a quantifier must be escaped');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (max < min) this.fail('Quantifier range out of order');
      this.pos += m[0].length - 1;
    } else return atom;
    this.pos++;
    if (atom.type === 'assert' || atom.type === 'look') this.fail('Nothing to repeat');
    const lazy = this.peek() === '?';
    if (lazy) this.pos++;
    if (this.peek() === '+') this.fail('Possessive quantifiers are not supported');
    return { type: 'repeat', body: atom, min, max, lazy };
  }

  private parseAtom(): RegexNode {
    const c = this.source[this.pos++];
    switch (c) {
      case '(':
        return this.parseGroup();
      case '[':
        return this.parseClass();
      case '.':
        return { type: 'any' };
      case '^':
        return { type: 'assert', kind: 'start' };
      case '$':
        return { type: 'assert', kind: 'end' };
      case '\\':
        return this.parseEscape(false) as RegexNode;
      case '*':
      case '+':
      case '?':
        return this.fail('Nothing to repeat');
      case '{':
      case '}':
      case ']':
        return this.fail(`Unescaped "${c}"`);
      case undefined:
        return this.fail('Unexpected end of pattern');
      default:
        return { type: 'char', code: c.charCodeAt(0) };
    }
  }

  private parseGroup(): RegexNode {
    let node: RegexNode;
    const rest = this.source.slice(this.pos);
    const named = /^\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
    if (named) {
      this.pos += named[0].length;
      node = { type: 'group', capture: true, name: named[1], body: this.parseAlt() };
    } else if (rest.startsWith('?:')) {
      this.pos += 2;
      node = { type: 'group', capture: false, body: this.parseAlt() };
    } else if (/^\?<?[=!]/.test(rest)) {
      const behind = rest[1] === '<';
      const negated = (behind ? rest[2] : rest[1]) === '!';
      this.pos += behind ? 3 : 2;
      node = { type: 'look', behind, negated, body: this.parseAlt() };
    } else if (rest.startsWith('?')) {
      return this.fail('Unsupported group syntax');
    } else {
      node = { type: 'group', capture: true, body: this.parseAlt() };
    }
    if (this.source[this.pos++] !== ')') this.fail('Unterminated group');
    return node;
  }

  /** Returns a node, or for class members a list of ranges. */
  private parseEscape(inClass: boolean): RegexNode | Array<[number, number]> {
    const c = this.source[this.pos++];
    if (c === undefined) return this.fail('Trailing backslash');
    const special = SPECIAL_CLASS[c];
    if (special) {
      if (inClass) {
        if (special.negated) this.fail(`\\${c} inside a character class is not supported`);
        return special.ranges;
      }
      return { type: 'class', ranges: special.ranges, negated: special.negated };
    }
    if (!inClass && (c === 'b' || c === 'B')) return { type: 'assert', kind: c === 'b' ? 'word' : 'nonword' };
    const control = CONTROL_ESCAPES[c];
    if (control !== undefined) {
      if (c === '0' && /\d/.test(this.peek() ?? '')) this.fail('Octal escapes are not supported');
      return this.charOrRange(control, inClass);
    }
    if (c === 'x') {
      const m = /^(?:([0-9a-fA-F]{2})|\{([0-9a-fA-F]{1,6})\})/.exec(this.source.slice(this.pos));
      if (!m) return this.fail('Bad \\x escape');
      this.pos += m[0].length;
      return this.charOrRange(parseInt(m[1] ?? m[2] ?? '', 16), inClass);
    }
    if (c === 'u') {
      const m = /^[0-9a-fA-F]{4}/.exec(this.source.slice(this.pos));
      if (!m) return this.fail('Bad \\u escape');
      this.pos += 4;
      return this.charOrRange(parseInt(m[0], 16), inClass);
    }
    if (/[0-9]/.test(c)) return this.fail('Back-references are not supported');
    if (/[A-Za-z]/.test(c)) return this.fail(`Unsupported escape \\${c}`);
    return this.charOrRange(c.charCodeAt(0), inClass);
  }

  private charOrRange(code: number, inClass: boolean): RegexNode | Array<[number, number]> {
    return inClass ? [[code, code]] : { type: 'char', code };
  }

  private parseClass(): RegexNode {
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const ranges: Array<[number, number]> = [];
    while (this.peek() !== ']') {
      if (this.pos >= this.source.length) this.fail('Unterminated character class');
      const lo = this.classAtom();
      if (this.peek() === '-' && this.source[this.pos + 1] !== ']' && this.pos + 1 < this.source.length) {
        this.pos++;
        const hi = this.classAtom();
        if (lo.length !== 1 || hi.length !== 1 || lo[0]![0] !== lo[0]![1] || hi[0]![0] !== hi[0]![1]) {
          this.fail('Bad range in character class');
        }
        if (hi[0]![0] < lo[0]![0]) this.fail('Character class range out of order');
        ranges.push([lo[0]![0], hi[0]![0]]);
      } else {
        ranges.push(...lo);
      }
    }
    this.pos++;
    if (ranges.length === 0 && !negated) this.fail('Empty character class');
    return { type: 'class', ranges, negated };
  }

  private classAtom(): Array<[number, number]> {
    const c = this.source[this.pos++];
    if (c === '\\') {
      const e = this.parseEscape(true);
      return Array.isArray(e) ? e : this.fail('Bad escape in character class');
    }
    if (c === '[') this.fail('Nested character classes are not supported');
    return [[c!.charCodeAt(0), c!.charCodeAt(0)]];
  }
}
