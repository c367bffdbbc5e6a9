import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box';

const key = randomBytes(32);

describe('secret box (AES-256-GCM)', () => {
  it('round-trips text, including unicode and the empty string', () => {
    for (const text of ['hunter2', '', 'pässwörd 🔑', 'x'.repeat(20_000)]) {
      expect(open(key, seal(key, text, 'resource:1'), 'resource:1')).toBe(text);
    }
  });

  it('hides the plaintext and never repeats a ciphertext', () => {
    const a = seal(key, 'hunter2', 'resource:1');
    const b = seal(key, 'hunter2', 'resource:1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]*$/);
    expect(a).not.toContain('hunter2');
    expect(Buffer.from(a.split('.')[3] ?? '', 'base64url').toString()).not.toContain('hunter2');
  });

  it('refuses a ciphertext bound to another row', () => {
    const envelope = seal(key, 'hunter2', 'resource:1');
    expect(() => open(key, envelope, 'resource:2')).toThrow();
  });

  it('refuses the wrong key', () => {
    expect(() => open(randomBytes(32), seal(key, 'hunter2', 'ad'), 'ad')).toThrow();
  });

  it('refuses any tampering', () => {
    const envelope = seal(key, 'hunter2', 'ad');
    const [version, iv, tag, data] = envelope.split('.') as [string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64url');
    };
    expect(() => open(key, [version, flip(iv), tag, data].join('.'), 'ad')).toThrow();
    expect(() => open(key, [version, iv, flip(tag), data].join('.'), 'ad')).toThrow();
    expect(() => open(key, [version, iv, tag, flip(data)].join('.'), 'ad')).toThrow();
    expect(() => open(key, [version, iv, tag.slice(0, 8), data].join('.'), 'ad')).toThrow();
  });

  it('names a malformed envelope', () => {
    expect(() => open(key, 'not an envelope', 'ad')).toThrow('unrecognized credential envelope');
    expect(() => open(key, 'v2.a.b.c', 'ad')).toThrow('unrecognized credential envelope');
  });
});
