import { createHash } from 'node:crypto';

/** OpenSSH's fingerprint format: `SHA256:` + unpadded base64 of the SHA-256 of the wire key. */
export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The key type named inside the wire-format key (`ssh-ed25519`, `ecdsa-sha2-nistp256`, ...). */
export function hostKeyType(key: Buffer): string {
  if (key.length < 4) return 'unknown';
  const length = key.readUInt32BE(0);
  return length > 0 && length < 64 && key.length >= 4 + length ? key.subarray(4, 4 + length).toString('latin1') : 'unknown';
}

/** Fingerprints are public, so a plain comparison is fine; trimming forgives pasted whitespace. */
export function isSameFingerprint(a: string, b: string): boolean {
  return a.trim() === b.trim();
}
