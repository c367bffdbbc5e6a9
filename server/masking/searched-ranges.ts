import type { StartFilter } from './start-filter';

/** Frames shorter than this search again (see `over`). */
const MIN_BYTES = 256;

/**
 * What a step's search for whole matches found, kept for the search for matches in progress that
 * follows over the same bytes. A key body's match in progress may start anywhere in the frame,
 * so without this a frame of base64 lines was searched twice, the second time for the same
 * candidates. Made only when the filter has a run search (key-material, high-entropy-value on):
 * other rules' matches in progress reach back a line at most.
 */
export class SearchedRanges {
  /** Searches in order: from `starts[i]` the first candidate was `found[i]` (or the end). */
  private readonly starts: number[] = [];
  private readonly found: number[] = [];
  /** First range not before the last recall's `from` (recalls come in order). */
  private next = 0;
  /** Where the run reaching the end of the text starts (-1: not computed yet). */
  private openRun = -1;

  constructor(
    readonly filter: StartFilter,
    readonly bytes: Uint8Array,
  ) {}

  /**
   * For a step's search over `bytes` with `filter`, when the filter has a run search; else none.
   * Not for a few bytes (a keystroke's echo): searching them again costs less than keeping ranges.
   */
  static over(filter: StartFilter | undefined, bytes: Uint8Array): SearchedRanges | undefined {
    return filter?.runBytes && bytes.length >= MIN_BYTES ? new SearchedRanges(filter, bytes) : undefined;
  }

  /** The whole-match search found `found` (a candidate, or the end of the text) from `from`, nothing between. */
  add(from: number, found: number): void {
    this.starts.push(from);
    this.found.push(found);
  }

  /**
   * The filter's first candidate for matches in progress (`whole` false) in `[from, to)`, or `to`;
   * -1 when no whole-match search covered `from`. The two searches differ only in a run that
   * reaches the end of the text (see runScan): that run is searched again.
   */
  recall(from: number, to: number): number {
    const { starts, found, bytes, filter } = this;
    let i = this.next;
    while (i < found.length && found[i]! < from) i++;
    this.next = i;
    if (i === found.length || starts[i]! > from) return -1;
    const first = Math.min(found[i]!, to);
    const runBytes = filter.runBytes;
    if (runBytes && this.openRun < 0) {
      let start = bytes.length;
      while (start > 0 && runBytes[bytes[start - 1]!] === 1) start--;
      this.openRun = start;
    }
    return !runBytes || first <= this.openRun ? first : filter.next(bytes, Math.max(from, this.openRun), first, false);
  }
}
