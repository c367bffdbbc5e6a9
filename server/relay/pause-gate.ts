/**
 * Pauses a source while any named reason holds (the socket is full, the browser is behind,
 * a recorder is behind) and resumes it when the last one is released.
 */
export class PauseGate {
  private readonly reasons = new Set<string>();
  /** How many times the source was paused: tests and stats read this. */
  pauseCount = 0;

  constructor(
    private readonly onPause: () => void,
    private readonly onResume: () => void,
  ) {}

  get isPaused(): boolean {
    return this.reasons.size > 0;
  }

  hold(reason: string): void {
    if (this.reasons.has(reason)) return;
    this.reasons.add(reason);
    if (this.reasons.size === 1) {
      this.pauseCount += 1;
      this.onPause();
    }
  }

  release(reason: string): void {
    if (this.reasons.delete(reason) && this.reasons.size === 0) this.onResume();
  }
}
