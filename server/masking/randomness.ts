/**
 * Tells random strings (keys, tokens) from text that merely looks like them (identifiers,
 * hashes, base64 of ordinary text). Measured on the benign corpus and on random strings: see
 * rules/key-material.ts for the thresholds and what they trade.
 */

/** Shannon entropy of the string's characters, in bits per character. */
export function shannonEntropy(text: string): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Upper case, lower case and digits all occur, each letter case in at least `minShare` of the
 * characters: hex, UUIDs and words lack a class; identifiers and paths (`PortholeAgent2`,
 * `refs/heads/MyBranch2`) have few capitals, random base62/base64 about 40%.
 */
export function hasMixedClasses(text: string, minShare = 0): boolean {
  let upper = 0;
  let lower = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) upper++;
    else if (code >= 0x61 && code <= 0x7a) lower++;
    else if (code >= 0x30 && code <= 0x39) digits++;
  }
  const min = Math.max(1, minShare * text.length);
  return upper >= min && lower >= min && digits > 0;
}

/**
 * Share of the decoded base64 that is text: printable characters and whitespace of valid UTF-8
 * (random bytes decode to control characters and invalid sequences).
 */
export function decodedTextShare(base64: string): number {
  const decoded = new TextDecoder('utf-8').decode(Buffer.from(base64, 'base64'));
  if (decoded.length === 0) return 0;
  let text = 0;
  for (let i = 0; i < decoded.length; i++) {
    const code = decoded.charCodeAt(i);
    if ((code >= 0x20 && code !== 0x7f && code !== 0xfffd && (code < 0x80 || code >= 0xa0)) || code === 0x09 || code === 0x0a || code === 0x0d) text++;
  }
  return text / decoded.length;
}
