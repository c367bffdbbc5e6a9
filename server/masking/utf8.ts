/**
 * Length of an incomplete UTF-8 sequence at the end of `bytes[0, end)`: 0 when the buffer
 * ends on a character boundary (or with bytes that can never complete, which are left as they are).
 */
export function incompleteUtf8Tail(bytes: Uint8Array, end: number): number {
  return incompleteTail((i) => bytes[i]!, end);
}

/** The same over a string holding one byte per character (latin1). */
export function incompleteUtf8TailOfLatin1(text: string): number {
  return incompleteTail((i) => text.charCodeAt(i), text.length);
}

function incompleteTail(byteAt: (i: number) => number, end: number): number {
  for (let back = 1; back <= 3 && back <= end; back++) {
    const b = byteAt(end - back);
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back && b < 0xf8 ? back : 0;
    }
    // 0x80–0xBF: a continuation byte, keep looking for the lead byte.
  }
  return 0;
}
