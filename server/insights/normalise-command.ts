/**
 * A shell command's pattern, so runs that differ only in their arguments count as one:
 * `ls -la /tmp` and `ls -la /var/log` are both `ls -la <path>`. Kept: the program, its
 * subcommands and other plain words, flags, operators. Folded: paths and file names, numbers,
 * quoted strings, hashes and UUIDs, URLs, addresses, `NAME=value` values. A run of the same
 * placeholder folds to one (`rm a.txt b.txt` → `rm <path>`).
 */
const MAX_PATTERN = 200;

const FOLDS: Array<[RegExp, string]> = [
  [/^(?:'.*'|".*"|\$'.*')$/s, '<str>'],
  [/^[a-z][\w+.-]*:\/\/\S+$/i, '<url>'],
  [/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, '<uuid>'],
  [/^\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?$/, '<ip>'],
  [/^[\w.+-]+@[\w.-]+(?::\S*)?$/, '<user@host>'],
  [/^[+-]?\d+(?:[.,:]\d+)*[a-z%]{0,3}$/i, '<n>'],
  [/^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}$/i, '<hex>'],
  [/^(?:[~.]|\$\w+|\$\{)|\/|^[\w-]+(?:\.[\w-]+)*\.[a-z][a-z0-9]{0,4}$/i, '<path>'],
];

const OPERATORS = new Set(['|', '||', '&&', ';', '&', '>', '>>', '<', '2>', '2>&1', '&>', '|&']);

/** Splits on blanks outside quotes; a quoted string stays one token with its quotes. */
function tokens(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of line) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (/\s/.test(ch)) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

function foldWord(word: string): string {
  for (const [pattern, placeholder] of FOLDS) if (pattern.test(word)) return placeholder;
  return word;
}

function foldToken(token: string, isProgram: boolean): string {
  if (OPERATORS.has(token)) return token;
  const assignment = /^([A-Za-z_]\w*)=(.*)$/s.exec(token);
  if (assignment) return `${assignment[1]}=${assignment[2] === '' ? '' : '<val>'}`;
  const flag = /^(--?[\w-]+)=(.*)$/s.exec(token);
  if (flag) return `${flag[1]}=${foldWord(flag[2]!)}`;
  if (token.startsWith('-')) return /^-\d/.test(token) ? '<n>' : token;
  // The program itself is kept even when it is a path (`./deploy.sh`).
  return isProgram ? token : foldWord(token);
}

export function normaliseCommand(text: string): string {
  const out: string[] = [];
  let isProgram = true;
  for (const token of tokens(text.trim())) {
    const folded = foldToken(token, isProgram);
    const isAssignment = /^[A-Za-z_]\w*=/.test(token);
    // `sudo`, `time`, env assignments and operators come before the program.
    isProgram = OPERATORS.has(token) || isAssignment || (isProgram && ['sudo', 'time', 'nohup', 'exec', 'env', 'command'].includes(token));
    if (folded.startsWith('<') && out.at(-1) === folded) continue;
    out.push(folded);
  }
  const pattern = out.join(' ');
  return pattern.length > MAX_PATTERN ? `${pattern.slice(0, MAX_PATTERN - 1)}…` : pattern;
}

/** A failure's cause, as a pattern: the program's message with its paths, numbers and quoted names folded. */
export function normaliseFailure(reason: string): string {
  return reason
    .trim()
    .replace(/(['"‘’`]).*?(['"‘’`])/g, '<str>')
    .replace(/(?:^|(?<=\s))(?:[~.]?\/|\.\.?\/)[^\s:]*/g, '<path>')
    .replace(/\b\d+(?:\.\d+)?\b/g, '<n>')
    .replace(/\s+/g, ' ')
    .slice(0, MAX_PATTERN);
}
