import { describe, expect, it } from 'vitest';
import { selectRules } from '../built-in-rules';
import { createMasker, MAX_HELD_BYTES } from '../masker';
import { TypedInputMasker } from './typed-input';

const masker = createMasker(selectRules());
const KEY = 'AKIARHUNWS7DR4ERD7TI';

function type(keys: string[]): string {
  const typed = new TypedInputMasker(masker);
  let stored = '';
  for (const key of keys) stored += typed.step(Buffer.from(key, 'utf8')).output.toString('utf8');
  return stored + typed.end().output.toString('utf8');
}

describe('typed input, masked as typed and as the line editor reads it', () => {
  it('masks a key typed with a typo deleted, and one typed whole then partly deleted', () => {
    expect(type([...'echo AKIARHUNWS7DR4E', 'é', '\x7f', ...'RD7TI', '\r'])).toBe('echo [MASKED:aws-key]\r');
    expect(type([...`echo ${KEY}`, '\x7f', '\r'])).toBe('echo [MASKED:aws-key]\x7f\r');
    expect(type([...'ls -la', '\x7f', '\x7f', ...'l\r'])).toBe('ls -la\x7f\x7fl\r');
  });

  it('holds at most MAX_HELD_BYTES over both passes: a long line, then a key block, without a line break', () => {
    const typed = new TypedInputMasker(masker);
    let stored = '';
    // A long line the line editor's pass holds, then a key block the as-typed pass holds.
    for (let i = 0; i < 20; i++) {
      stored += typed.step(Buffer.from(`word${i} `.repeat(100))).output.toString();
      expect(typed.heldBytes()).toBeLessThanOrEqual(MAX_HELD_BYTES);
    }
    stored += typed.step(Buffer.from('-----BEGIN RSA PRIVATE KEY-----\n')).output.toString();
    for (let i = 0; i < 200; i++) {
      stored += typed.step(Buffer.from(`${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123456789+/abcdefghijklmnopq'.slice(0, 64)}\n`)).output.toString();
      expect(typed.heldBytes()).toBeLessThanOrEqual(MAX_HELD_BYTES + 65);
    }
    expect(stored).toContain('word19');
    expect(typed.end().output.toString()).not.toContain('QUJDREVG');
  });
});
