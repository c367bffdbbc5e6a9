/** Where a ring starts small: most sessions print far less than the bound before anyone watches. */
const INITIAL_CAPACITY = 16 * 1024;

/**
 * The newest `limit` bytes of a stream, in one ring buffer: a copy per chunk, no allocation per
 * chunk (the ring doubles up to the limit, then wraps).
 */
export class OutputTail {
  private ring = Buffer.alloc(0);
  /** Where the next byte goes. */
  private end = 0;
  private filled = 0;
  private hasWrapped = false;

  constructor(private readonly limit: number) {}

  get bytes(): number {
    return this.filled;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length >= this.limit) {
      this.grow(this.limit);
      this.ring.set(chunk.subarray(chunk.length - this.limit));
      this.end = 0;
      this.filled = this.limit;
      this.hasWrapped = true;
      return;
    }
    if (this.filled + chunk.length > this.ring.length) this.grow(Math.min(this.limit, Math.max(INITIAL_CAPACITY, 2 * (this.filled + chunk.length))));
    const first = Math.min(chunk.length, this.ring.length - this.end);
    this.ring.set(chunk.subarray(0, first), this.end);
    this.ring.set(chunk.subarray(first), 0);
    this.end = (this.end + chunk.length) % this.ring.length;
    if (this.filled + chunk.length > this.ring.length) this.hasWrapped = true;
    this.filled = Math.min(this.ring.length, this.filled + chunk.length);
  }

  /**
   * The bytes kept, oldest first, and an empty tail. When older output was dropped, the text
   * starts after the first line break (if there is one near the start), so it does not begin
   * inside a line or an escape sequence.
   */
  take(): Buffer {
    let text = this.ordered();
    if (this.hasWrapped) {
      const lineFeed = text.indexOf(0x0a);
      if (lineFeed >= 0 && lineFeed < 4096) text = text.subarray(lineFeed + 1);
    }
    this.ring = Buffer.alloc(0);
    this.end = 0;
    this.filled = 0;
    this.hasWrapped = false;
    return text;
  }

  private ordered(): Buffer {
    const start = (this.end - this.filled + this.ring.length) % Math.max(1, this.ring.length);
    if (start + this.filled <= this.ring.length) return Buffer.from(this.ring.subarray(start, start + this.filled));
    return Buffer.concat([this.ring.subarray(start), this.ring.subarray(0, this.end)]);
  }

  private grow(capacity: number): void {
    if (capacity <= this.ring.length) return;
    const kept = this.ordered();
    this.ring = Buffer.alloc(capacity);
    kept.copy(this.ring);
    this.end = kept.length % capacity;
    this.filled = kept.length;
  }
}
