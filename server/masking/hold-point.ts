/** Where a masker step starts holding back what it cannot decide yet (see masker.ts). */
import type { CompiledRules } from './compile-rules';
import { findPartialStart, type Match } from './find-matches';
import type { SearchedRanges } from './searched-ranges';
import { incompleteUtf8TailOfLatin1 } from './utf8';

/**
 * Where holding starts: a possible match in progress, an incomplete character, the line being
 * typed (`limit`), never inside a match.
 */
export function holdPoint(
  compiled: CompiledRules,
  latin1: string,
  cleanBytes: Buffer,
  committed: number,
  holdFrom: number,
  matches: Match[],
  searched: SearchedRanges | undefined,
  limit: number,
): number {
  const n = latin1.length;
  let hold = holdFrom;
  if (hold === n) hold = findPartialStart(compiled, latin1, Math.max(committed, n - compiled.maxHold), cleanBytes, searched);
  hold = Math.min(hold, limit);
  const partialChar = incompleteUtf8TailOfLatin1(latin1);
  if (partialChar > 0) hold = Math.min(hold, n - partialChar);
  if (matches.length > 0) hold = backOffCrossingMatches(matches, hold);
  return Math.max(committed, hold);
}

/**
 * Where the last line of the text starts (after its last CR or LF). Searched in its bytes: a typed
 * line is held until Enter, so this runs over all of it at every keystroke, and two backward byte
 * searches cost less there than two string searches (19 % of the masking stages' time before).
 */
export function lineStart(bytes: Uint8Array): number {
  return Math.max(bytes.lastIndexOf(0x0d), bytes.lastIndexOf(0x0a)) + 1;
}

/** A match that straddles the hold point must be held whole (its start is where holding begins). */
function backOffCrossingMatches(matches: Match[], holdFrom: number): number {
  let hold = holdFrom;
  for (let changed = true; changed;) {
    changed = false;
    for (const m of matches) {
      if (m.start < hold && m.end > hold) {
        hold = m.start;
        changed = true;
      }
    }
  }
  return hold;
}
