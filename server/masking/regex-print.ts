import type { RegexNode } from './regex-ast';

/**
 * Prints an AST back to a source string for one of the two engines. Case-insensitivity and
 * multi-line anchors are spelled out inline, because rules with different flags share one
 * combined regex and Node 20's V8 has no inline `(?i:...)`.
 */
export interface PrintOptions {
  dialect: 'v8' | 're2';
  ignoreCase: boolean;
  dotAll: boolean;
  /** Keep the group named `secret` capturing; every other group is printed non-capturing. */
  keepSecretGroup: boolean;
}

export function printRegex(node: RegexNode, options: PrintOptions): string {
  switch (node.type) {
    case 'char':
      return printChar(node.code, options);
    case 'class':
      return printClass(node.ranges, node.negated, options);
    case 'any':
      return options.dotAll ? '[\\s\\S]' : '[^\\n\\r]';
    case 'seq':
      return node.items.map((item) => printRegex(item, options)).join('');
    case 'alt':
      return `(?:${node.options.map((option) => printRegex(option, options)).join('|')})`;
    case 'group': {
      const body = printRegex(node.body, options);
      return node.name === 'secret' && options.keepSecretGroup ? `(${body})` : `(?:${body})`;
    }
    case 'repeat':
      return printAtom(node.body, options) + printQuantifier(node.min, node.max, node.lazy);
    case 'assert':
      return printAssert(node.kind, options);
    case 'look':
      return `(?${node.behind ? '<' : ''}${node.negated ? '!' : '='}${printRegex(node.body, options)})`;
    case 'fail':
      return '\\b\\B';
  }
}

function printAtom(node: RegexNode, options: PrintOptions): string {
  const printed = printRegex(node, options);
  return node.type === 'seq' || node.type === 'repeat' || node.type === 'fail' ? `(?:${printed})` : printed;
}

function printQuantifier(min: number, max: number, lazy: boolean): string {
  let q: string;
  if (min === 0 && max === Infinity) q = '*';
  else if (min === 1 && max === Infinity) q = '+';
  else if (min === 0 && max === 1) q = '?';
  else if (max === Infinity) q = `{${min},}`;
  else if (min === max) q = `{${min}}`;
  else q = `{${min},${max}}`;
  return lazy ? `${q}?` : q;
}

function printAssert(kind: 'start' | 'end' | 'word' | 'nonword' | 'bufferEnd', options: PrintOptions): string {
  // A terminal stream has no "start" or "end": `^` and `$` always mean start and end of line.
  const v8 = options.dialect === 'v8';
  switch (kind) {
    case 'start':
      return v8 ? '(?<![^\\n])' : '(?m:^)';
    case 'end':
      return v8 ? '(?![^\\r\\n])' : '(?m:$)';
    case 'word':
      return '\\b';
    case 'nonword':
      return '\\B';
    case 'bufferEnd':
      return v8 ? '$' : '\\z';
  }
}

export function caseVariant(code: number): number | undefined {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code >= 0x61 && code <= 0x7a) return code - 0x20;
  return undefined;
}

function printChar(code: number, options: PrintOptions): string {
  const variant = options.ignoreCase ? caseVariant(code) : undefined;
  if (variant !== undefined) return `[${String.fromCharCode(code)}${String.fromCharCode(variant)}]`;
  return escapeCode(code, options, false);
}

/** Adds the other case of every ASCII letter in the ranges. */
export function foldCase(ranges: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [...ranges];
  for (const [lo, hi] of ranges) {
    for (const [a, z, delta] of [
      [0x41, 0x5a, 0x20],
      [0x61, 0x7a, -0x20],
    ] as const) {
      const from = Math.max(lo, a);
      const to = Math.min(hi, z);
      if (from <= to) out.push([from + delta, to + delta]);
    }
  }
  return out;
}

function printClass(ranges: Array<[number, number]>, negated: boolean, options: PrintOptions): string {
  const all = options.ignoreCase ? foldCase(ranges) : ranges;
  const body = all
    .map(([lo, hi]) => (lo === hi ? escapeCode(lo, options, true) : `${escapeCode(lo, options, true)}-${escapeCode(hi, options, true)}`))
    .join('');
  return `[${negated ? '^' : ''}${body}]`;
}

function escapeCode(code: number, options: PrintOptions, inClass: boolean): string {
  const isAlnum = (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (isAlnum || (!inClass && (code === 0x5f || code === 0x20 || code === 0x2c || code === 0x3a || code === 0x3d || code === 0x40))) {
    return String.fromCharCode(code);
  }
  const hex = code.toString(16).padStart(2, '0');
  if (options.dialect === 're2') return `\\x{${hex}}`;
  return code <= 0xff ? `\\x${hex}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
