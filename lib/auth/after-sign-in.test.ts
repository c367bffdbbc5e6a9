import { describe, expect, it } from 'vitest';
import { afterSignInPath, DEFAULT_AFTER_SIGN_IN } from './after-sign-in';

describe('afterSignInPath', () => {
  it('keeps a page of this site with its query and hash', () => {
    expect(afterSignInPath('/recordings/abc?t=12#notes')).toBe('/recordings/abc?t=12#notes');
    expect(afterSignInPath('/search?q=%2Fvar%2Flog')).toBe('/search?q=%2Fvar%2Flog');
  });

  it('refuses anything a browser would take to another site, however it is spelled', () => {
    for (const url of [
      '//evil.example/x',
      '/\\evil.example/x',
      '/\t/evil.example',
      '/\\/evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      ' /x',
      '',
    ]) {
      expect(afterSignInPath(url), JSON.stringify(url)).toBe(DEFAULT_AFTER_SIGN_IN);
    }
    expect(afterSignInPath(undefined)).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});
