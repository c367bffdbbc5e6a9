import { describe, expect, it } from 'vitest';
import { findUnstorableText, isUnstorableText } from './unstorable-text';

describe('unstorable text', () => {
  it('finds NUL characters and lone surrogates, and passes whole pairs (emoji) and ordinary text', () => {
    expect(isUnstorableText('a\u0000b')).toBe(true);
    expect(isUnstorableText('\ud800')).toBe(true);
    expect(isUnstorableText('x\udc00')).toBe(true);
    expect(isUnstorableText('😀 ok – ünïcode, \u202eRTL')).toBe(false);
  });

  it('names the first field holding one, in bodies, arrays, keys and forms', () => {
    expect(findUnstorableText({ name: 'ok', rules: [{ pattern: 'fine' }, { pattern: 'bad\u0000' }] })).toBe('rules[1].pattern');
    expect(findUnstorableText({ 'k\u0000': 1 })).toBe('k\u0000');
    const form = new FormData();
    form.set('title', 'fine');
    form.set('body', 'nul \u0000 inside');
    expect(findUnstorableText(form)).toBe('body');
    const checkboxes = new FormData();
    checkboxes.append('roles', 'engineer\u0000');
    checkboxes.append('roles', 'admin');
    expect(findUnstorableText(checkboxes)).toBe('roles');
    expect(findUnstorableText({ a: 1, b: [true, null, 'text'] })).toBeNull();
  });
});
