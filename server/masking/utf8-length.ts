/**
 * The length (2–4) of the well-formed UTF-8 character at `i` (a byte from 0x80), 0 when the
 * bytes there are not one (a stray continuation byte, an overlong form, a surrogate, a lead byte
 * followed by something else), or -1 when they may still be one but the buffer ends first.
 * Well-formed as the Unicode standard's table 3-7 says, which is what xterm's decoder accepts.
 */
export function utf8Length(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) length = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    length = 3;
    if (b === 0xe0) low = 0xa0;
    else if (b === 0xed) high = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    length = 4;
    if (b === 0xf0) low = 0x90;
    else if (b === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    if (i + k >= bytes.length) return -1;
    const c = bytes[i + k]!;
    if (c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return 0;
  }
  return length;
}
