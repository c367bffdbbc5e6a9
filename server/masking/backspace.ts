/**
 * What a backspace does to the text matching reads in typed input (see stripAnsi): DEL and BS
 * delete the character before, as the shell's line editor does.
 */
export const BS = 0x08;
export const DEL = 0x7f;

/**
 * The backspace (or typed DEL) at raw `at` erases the character before it in the text: its bytes
 * and the backspace become entries of their own, masked over like escapes, and the escapes
 * between them stay. Returns the new clean length, or -1 when there is nothing it may erase: no
 * character yet, or a control or line break before it. Inside a mask, renderOutput leaves erased
 * characters and backspaces out (their net effect on the line is none), so a typo corrected
 * inside a secret is not stored either.
 */
export function eraseBefore(clean: Buffer, cleanLength: number, escapes: number[], erased: Set<number>, at: number): number {
  if (cleanLength === 0) return -1;
  let start = cleanLength - 1;
  if (clean[start]! < 0x20 || clean[start] === DEL) return -1;
  while (start > 0 && cleanLength - start < 4 && (clean[start]! & 0xc0) === 0x80) start--;
  // Entries after the character (escapes between it and the backspace) move to its clean offset.
  let e = escapes.length;
  while (e > 0 && escapes[e - 3]! > start) e -= 3;
  const charRaw = e === 0 ? start : start + escapes[e - 1]! - escapes[e - 3]!;
  for (let k = e; k < escapes.length; k += 3) escapes[k] = start;
  escapes.splice(e, 0, start, charRaw, charRaw + cleanLength - start);
  escapes.push(start, at, at + 1);
  erased.add(charRaw).add(at);
  return start;
}
