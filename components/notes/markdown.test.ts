import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from './markdown';

describe('note markdown', () => {
  it('parses emphasis, code and links', () => {
    expect(parseInline('a **b** _c_ `d` [e](https://x.test/y)')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'strong', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'c' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'd' },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://x.test/y', children: [{ type: 'text', text: 'e' }] },
    ]);
  });

  it('keeps raw HTML as text and drops script links', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] }]);
    expect(parseInline('[click](javascript:alert(1))')).toEqual([
      { type: 'text', text: '[click](javascript:alert(1)' },
      { type: 'text', text: ')' },
    ]);
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' mailto:a@b.test')).toBe('mailto:a@b.test');
  });

  it('parses blocks: headings, lists, code fences, quotes', () => {
    const blocks = parseMarkdown('# Title\n\n- one\n- two\n\n1. first\n\n```\nrm -rf /tmp/x\n```\n> why\n\nplain\ntext');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'list', 'list', 'code', 'quote', 'paragraph']);
    expect(blocks[1]).toMatchObject({ isOrdered: false, items: [[{ text: 'one' }], [{ text: 'two' }]] });
    expect(blocks[3]).toEqual({ type: 'code', text: 'rm -rf /tmp/x' });
  });
});
