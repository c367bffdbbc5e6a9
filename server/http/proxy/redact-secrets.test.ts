import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { RedactSecrets, redactText } from './redact-secrets';

const SECRET = 'tok_3f9a2c7e1b';

async function through(chunks: string[], secrets: string[]): Promise<string> {
  return text(Readable.from(chunks.map((chunk) => Buffer.from(chunk))).pipe(new RedactSecrets(secrets)));
}

describe('RedactSecrets', () => {
  it('stars a secret wherever a chunk boundary falls in it, keeping the length', async () => {
    const body = `{"echo":"Bearer ${SECRET}","again":"${SECRET}"}`;
    for (let split = 0; split <= body.length; split++) {
      const out = await through([body.slice(0, split), body.slice(split)], [SECRET]);
      expect(out).toBe(body.replaceAll(SECRET, '*'.repeat(SECRET.length)));
    }
  });

  it('passes text without the secret unchanged, including a prefix of it at the very end', async () => {
    expect(await through(['plain ', 'text tok_3f9'], [SECRET])).toBe('plain text tok_3f9');
    expect(await through(['abc'], [])).toBe('abc');
  });

  it('stars header values too', () => {
    expect(redactText(`Bearer ${SECRET}`, [SECRET])).toBe(`Bearer ${'*'.repeat(SECRET.length)}`);
  });
});
