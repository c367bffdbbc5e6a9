const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Escapes `<` outside inline code, so no tag in the text reaches a Markdown renderer as HTML. */
function escapeLine(line: string): string {
  return line
    .split(/(`+[^`]*?`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '\\<')))
    .join('');
}

/**
 * Markdown as written, minus raw HTML: a `<tag>` outside code becomes the literal text
 * `\<tag>` (a CommonMark escape), while code spans and fenced blocks keep their `<` as is,
 * where it is text already; a fence left open is closed. Nothing else is touched, so the
 * note renders as its author wrote it.
 */
export function markdownWithoutHtml(source: string): string {
  let fence: string | null = null;
  const lines: string[] = [];
  for (const line of source.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (fence === null && marker) fence = marker;
    else if (fence !== null && marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    else if (fence === null) {
      lines.push(escapeLine(line));
      continue;
    }
    lines.push(line);
  }
  // An unclosed fence would swallow whatever follows this text (the next note of an export).
  if (fence !== null) lines.push(fence);
  return lines.join('\n');
}
