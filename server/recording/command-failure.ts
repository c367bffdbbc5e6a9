/**
 * Where a shell reports no exit codes (no OSC 133), the output often says a command failed.
 * These are the messages shells and coreutils print for the failures people hit most; a line
 * with one of them is the reason shown, as printed.
 */
const FAILURE_LINES = [
  /command not found/,
  /: not found$/,
  /No such file or directory/,
  /Permission denied/,
  /Operation not permitted/,
  /cannot access/,
  /Is a directory$/,
  /Not a directory$/,
  /^(?:[\w.-]+: )?(?:fatal|error|E): /i,
  /^(?:[\w./-]+: )?(?:unrecognized|invalid) option/,
  /^(?:[\w./-]+: )?syntax error/,
];
/** Reasons are shown in a list: a long line is cut here. */
const MAX_REASON = 160;
/** `echo $?` and the like: its output is the previous command's exit status. */
const ECHO_STATUS = /^(?:echo|printf\s+['"]?%[sd](?:\\n)?['"]?)\s+["']?\$\?["']?\s*;?$/;

/** The first output line that reports a failure, or null. */
export function failureInOutput(lines: readonly string[]): string | null {
  for (const line of lines) {
    const text = line.trim();
    if (text !== '' && FAILURE_LINES.some((pattern) => pattern.test(text))) return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text;
  }
  return null;
}

/**
 * A failure line names its program (`ls: cannot access …`, `-bash: nosuchcmd: command not
 * found`): of commands run together (a paste), the one it names, else the last.
 */
export function failedCommandIndex(texts: readonly string[], reason: string): number {
  const named = /^-?([\w./-]+): (?:(?:line )?\d+: )?([\w./-]+)?/.exec(reason);
  if (named) {
    for (let i = texts.length - 1; i >= 0; i--) {
      const program = texts[i]!.trim().split(/\s+/)[0] ?? '';
      if (program !== '' && (program === named[1] || program === named[2] || program.endsWith(`/${named[1]}`))) return i;
    }
  }
  return texts.length - 1;
}

/** The status `echo $?` printed (the command before it failed when not 0), or null. */
export function echoedStatus(text: string, lines: readonly string[]): number | null {
  if (!ECHO_STATUS.test(text.trim())) return null;
  const first = lines.find((line) => line.trim() !== '')?.trim();
  return first !== undefined && /^\d{1,3}$/.test(first) ? Number(first) : null;
}
