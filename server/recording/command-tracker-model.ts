import type { IMarker } from '@xterm/headless';

/** What the command tracker keeps about each command, and the limits it works within. */

export type IndexedCommand = {
  t: number;
  text: string;
  exitCode: number | null;
  /** Seconds from Enter to the next prompt; null when the session ended first. */
  duration: number | null;
  /** Where the shell gives no exit code: the output line saying the command failed. */
  failureReason: string | null;
};

export type Entry = IndexedCommand & {
  isConfirmed: boolean;
  /** A line that left no prompt (a shell echoing typed-ahead input): a command only if typed so. */
  isOrphan: boolean;
  /** The command's last row: its output follows. */
  after: IMarker | undefined;
};

/** Where a prompt ends and typed text begins. */
export type InputStart = { marker: IMarker; promptText: string };

/**
 * A line editor the shell opened: bash ≥ 5.1, zsh and fish switch bracketed paste on while they
 * read a command line and off once it is accepted, so these marks bound every line the shell
 * read, including lines typed ahead (echoed with their prompt, no pause between) and pastes.
 */
export type Editor = { start: IMarker; input: InputStart | undefined; isAccepting: boolean };

/** Output that stops this long is waiting for the user: the screen then shows a prompt. */
export const QUIET_SECONDS = 0.1;
/** A shell prompt's usual last characters, for lines where nothing better is known. */
export const PROMPT_END = /^.*?[$#%>❯»] /;
/** Prompts remembered to recognise them without a pause (typed-ahead lines, redraws). */
export const KNOWN_PROMPTS = 16;
/** Unconfirmed prompt lines kept waiting for the keystrokes that typed them. */
export const MAX_PENDING = 32;
/** Output rows read for a failure message (the end of the output, where errors are). */
export const FAILURE_ROWS = 200;
export const BRACKETED_PASTE = 2004;

/** Puts `item` first in `list` (moved up if it was there), keeping at most `max` items. */
export function rememberFirst(list: string[], item: string, max: number): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
  list.unshift(item);
  list.length = Math.min(list.length, max);
}

/** OSC 133;D's exit code, unless the command already has one; 0 clears a likely-failed reason. */
export function setExitCode(entry: IndexedCommand, code: number): void {
  if (entry.exitCode !== null) return;
  entry.exitCode = code;
  if (code === 0) entry.failureReason = null;
}
