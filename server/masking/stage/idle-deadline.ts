/**
 * Calls `onIdle` once `ms` have passed since the last touch(). One timer per quiet spell, not
 * one per chunk: a touch only notes the time, and a timer that fires early re-arms itself for
 * the rest (bulk output touches thousands of times a second).
 */
export class IdleDeadline {
  private lastTouch = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private ms: number,
    private readonly onIdle: () => void,
  ) {}

  /**
   * Something happened: the deadline starts again from now, `ms` long (by default the last one's).
   * A deadline of 0 is no wait: `onIdle` runs now.
   */
  touch(ms = this.ms): void {
    if (ms <= 0) {
      this.cancel();
      this.onIdle();
      return;
    }
    this.lastTouch = performance.now();
    // A shorter deadline than the armed timer's needs a timer of its own.
    if (this.timer && ms < this.ms) this.cancel();
    this.ms = ms;
    this.timer ??= setTimeout(this.check, ms);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly check = (): void => {
    const left = this.lastTouch + this.ms - performance.now();
    if (left > 0.5) {
      this.timer = setTimeout(this.check, left);
      return;
    }
    this.timer = undefined;
    this.onIdle();
  };
}
