import { expect, it } from 'vitest';
import { markdownWithoutHtml } from './markdown-without-html';

it('turns tags outside code into literal text and leaves the rest of the markdown alone', () => {
  expect(markdownWithoutHtml('**bold** <script>alert(1)</script> and <img src=x onerror=alert(1)>')).toBe(
    '**bold** \\<script>alert(1)\\</script> and \\<img src=x onerror=alert(1)>',
  );
  expect(markdownWithoutHtml('- a [link](https://example.com) and `a < b`\n> quote')).toBe('- a [link](https://example.com) and `a < b`\n> quote');
});

it('keeps code blocks as they are, and escapes again after the fence closes', () => {
  const source = 'before <b>\n```sh\nif [ 1 < 2 ]; then echo <ok>; fi\n```\nafter <i>';
  expect(markdownWithoutHtml(source)).toBe('before \\<b>\n```sh\nif [ 1 < 2 ]; then echo <ok>; fi\n```\nafter \\<i>');
});

it('closes a fence left open, so the text after it is not swallowed into the code block', () => {
  expect(markdownWithoutHtml('~~~~\n<x>')).toBe('~~~~\n<x>\n~~~~');
});
