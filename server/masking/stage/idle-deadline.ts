/**
 * Calls `onIdle` once `ms` have passed since the last touch(). One timer per quiet spell, not
 * one per chunk: a touch only notes the time, and a timer that fires early re-arms itself for
 * the rest (bulk output touches thousands of times a second).
 */
export class IdleDeadline {
  private lastTouch = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ms: number,
    private readonly onIdle: () => void,
  ) {}

  /** Something happened: the deadline starts again from now. */
  touch(): void {
    this.lastTouch = performance.now();
    this.timer ??= setTimeout(this.check, this.ms);
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
