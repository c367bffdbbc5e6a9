import { describe, expect, it } from 'vitest';
import { incompleteUtf8Tail } from './utf8';

describe('incompleteUtf8Tail', () => {
  it('finds a character cut at the end', () => {
    const euro = Buffer.from('a€', 'utf8'); // € is 3 bytes
    expect(incompleteUtf8Tail(euro, euro.length)).toBe(0);
    expect(incompleteUtf8Tail(euro, euro.length - 1)).toBe(2);
    expect(incompleteUtf8Tail(euro, euro.length - 2)).toBe(1);
    const emoji = Buffer.from('🔑', 'utf8');
    expect(incompleteUtf8Tail(emoji, 3)).toBe(3);
    expect(incompleteUtf8Tail(Buffer.from('abc'), 3)).toBe(0);
  });
});
