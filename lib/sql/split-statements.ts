/** Shared by the gateway (judging and running) and the console (the statement under the cursor). */
export type SqlDialect = 'postgres' | 'mysql';

/** One statement of a script: its text and where it sits in the script (character offsets). */
export type ScriptStatement = { text: string; start: number; end: number };

/**
 * The script's lexical skeleton, for keyword checks that must not look inside literals or
 * comments: each string literal and comment is replaced by spaces of the same length, so
 * offsets stay valid. Quoted identifiers stay (`SET "statement_timeout"` is still a SET).
 */
export function codeOnly(script: string, dialect: SqlDialect): string {
  const out: string[] = [];
  scan(script, dialect, (kind, from, to) => {
    out.push(kind === 'code' || kind === 'identifier' ? script.slice(from, to) : ' '.repeat(to - from));
  });
  return out.join('');
}

/**
 * Splits a script at top-level semicolons, skipping those inside string literals, quoted
 * identifiers, comments and (PostgreSQL) dollar-quoted bodies. Pieces with nothing but
 * whitespace and comments are dropped.
 */
export function splitStatements(script: string, dialect: SqlDialect): ScriptStatement[] {
  const statements: ScriptStatement[] = [];
  let start = 0;
  let hasCode = false;
  const push = (end: number) => {
    if (hasCode) {
      const raw = script.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      statements.push({ text, start: start + lead, end: start + lead + text.length });
    }
    hasCode = false;
  };
  scan(script, dialect, (kind, from, to) => {
    if (kind === 'comment') return;
    if (kind !== 'code') {
      hasCode = true;
      return;
    }
    for (let i = from; i < to; i++) {
      const ch = script[i]!;
      if (ch === ';') {
        push(i);
        start = i + 1;
      } else if (!/\s/.test(ch)) hasCode = true;
    }
  });
  push(script.length);
  return statements;
}

/** The statement at a cursor offset (for Ctrl+Enter): the one containing it, else the one just before. */
export function statementAt(statements: ScriptStatement[], offset: number): ScriptStatement | undefined {
  let candidate: ScriptStatement | undefined;
  for (const statement of statements) {
    if (offset >= statement.start && offset <= statement.end + 1) return statement;
    if (statement.start <= offset) candidate = statement;
  }
  return candidate ?? statements[0];
}

type TokenKind = 'code' | 'string' | 'identifier' | 'comment';

/** Walks the script once, reporting runs of code, literals, quoted identifiers and comments. */
function scan(script: string, dialect: SqlDialect, emit: (kind: TokenKind, from: number, to: number) => void): void {
  const n = script.length;
  let i = 0;
  let codeStart = 0;
  const flushCode = (to: number) => {
    if (to > codeStart) emit('code', codeStart, to);
  };
  const token = (kind: TokenKind, from: number, to: number) => {
    flushCode(from);
    emit(kind, from, to);
    codeStart = to;
    i = to;
  };
  while (i < n) {
    const ch = script[i]!;
    const next = script[i + 1];
    if (ch === '-' && next === '-' && (dialect === 'postgres' || i + 2 >= n || /\s/.test(script[i + 2]!))) {
      token('comment', i, lineEnd(script, i));
    } else if (ch === '#' && dialect === 'mysql') {
      token('comment', i, lineEnd(script, i));
    } else if (ch === '/' && next === '*') {
      token('comment', i, blockCommentEnd(script, i, dialect === 'postgres'));
    } else if (ch === "'") {
      const isEscaped = dialect === 'mysql' || (i > 0 && /[eE]/.test(script[i - 1]!) && (i < 2 || !/[\w$]/.test(script[i - 2]!)));
      token('string', i, quotedEnd(script, i, "'", isEscaped));
    } else if (ch === '"') {
      token(dialect === 'mysql' ? 'string' : 'identifier', i, quotedEnd(script, i, '"', dialect === 'mysql'));
    } else if (ch === '`' && dialect === 'mysql') {
      token('identifier', i, quotedEnd(script, i, '`', false));
    } else if (ch === '$' && dialect === 'postgres' && (i === 0 || !/[\w$]/.test(script[i - 1]!))) {
      const tag = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(script.slice(i, i + 64));
      if (tag) {
        const close = script.indexOf(tag[0], i + tag[0].length);
        token('string', i, close < 0 ? n : close + tag[0].length);
      } else i++;
    } else i++;
  }
  flushCode(n);
}

function lineEnd(script: string, from: number): number {
  const end = script.indexOf('\n', from);
  return end < 0 ? script.length : end + 1;
}

function blockCommentEnd(script: string, from: number, isNested: boolean): number {
  let depth = 0;
  let i = from;
  while (i < script.length) {
    if (script[i] === '/' && script[i + 1] === '*') {
      depth = isNested ? depth + 1 : 1;
      i += 2;
    } else if (script[i] === '*' && script[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth <= 0) return i;
    } else i++;
  }
  return script.length;
}

/** The end of a quoted run: a doubled quote stays inside; with backslash escapes, `\x` too. */
function quotedEnd(script: string, from: number, quote: string, hasBackslashEscapes: boolean): number {
  let i = from + 1;
  while (i < script.length) {
    const ch = script[i]!;
    if (hasBackslashEscapes && ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (script[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return script.length;
}
