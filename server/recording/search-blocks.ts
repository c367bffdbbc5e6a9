import type { SearchLine } from './search-lines';

/**
 * Output is stored for search in blocks of consecutive lines, not a row per line: a row per
 * line cost ~11,000 rows per MB of output, each with its own tuple, tsvector and GIN entries
 * (the index was 8.6× the raw text, and writing it most of the indexing time). A block's
 * `t` is its first line's time; `lineTimes` holds every line's time as whole microseconds
 * after the line before it (mostly `0`: a burst of output is one moment), which TOAST
 * compresses to almost nothing. A search finds blocks, then the lines in them that match
 * (server/search/block-hits.ts), each with its own moment.
 */

/**
 * Characters of text per block, about. The bigger the block, the fewer GIN entries its words and
 * trigrams take (a trigram in a block is one entry however often it occurs): 64 KB blocks took
 * the trigram index from 0.26× the raw text to 0.14× against 16 KB (bench:search, 10 MB,
 * docs/benchmarks.md). The cost is at query time: each matched block's lines are read for the
 * hits in them.
 */
export const BLOCK_CHARS = 64 * 1024;

export type OutputBlock = { kind: 'output'; t: number; endT: number; text: string; lineTimes: string; failed: false };
export type BlockLine = { text: string; t: number };

const micros = (t: number) => Math.round(t * 1e6);

/** Output lines (in the order printed) as blocks; SQL lines are left as they are. */
export function toBlocks(lines: readonly SearchLine[]): { blocks: OutputBlock[]; others: SearchLine[] } {
  const blocks: OutputBlock[] = [];
  const others: SearchLine[] = [];
  let texts: string[] = [];
  let deltas: number[] = [];
  let chars = 0;
  let first = 0;
  let previous = 0;
  let last = 0;
  const flush = () => {
    if (texts.length === 0) return;
    blocks.push({ kind: 'output', t: first, endT: last, text: texts.join('\n'), lineTimes: deltas.join(','), failed: false });
    texts = [];
    deltas = [];
    chars = 0;
  };
  for (const line of lines) {
    if (line.kind !== 'output') {
      others.push(line);
      continue;
    }
    // A line is one line of a block: its breaks (none from the screen reader) become spaces.
    const text = line.text.replace(/[\r\n]/gu, ' ');
    if (texts.length === 0) {
      first = line.t;
      previous = micros(line.t);
    }
    const now = micros(line.t);
    deltas.push(Math.max(0, now - previous));
    previous = Math.max(previous, now);
    last = line.t;
    texts.push(text);
    chars += text.length + 1;
    if (chars >= BLOCK_CHARS) flush();
  }
  flush();
  return { blocks, others };
}

/** A block's lines with their moments (as stored: `t`, the text and `lineTimes`). */
export function blockLines(t: number, text: string, lineTimes: string): BlockLine[] {
  const texts = text.split('\n');
  const deltas = lineTimes.split(',');
  const lines: BlockLine[] = [];
  let offset = 0;
  for (let i = 0; i < texts.length; i++) {
    offset += Number(deltas[i] ?? 0) || 0;
    lines.push({ text: texts[i]!, t: t + offset / 1e6 });
  }
  return lines;
}
