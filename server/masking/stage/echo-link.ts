import { createEchoTracker, type EchoTracker, type EchoTrackerState, type InputRecord } from '../echo-tracker';

/** When no keystroke waits for its echo, only the end of the output matters (prompt detection). */
const PROMPT_TAIL_BYTES = 512;

/** What the input stage does with the tracker's decisions (see input-masking.ts). */
export interface InputSide {
  onRecords(records: InputRecord[]): void;
  /** Keystrokes waiting for their echo are decided when their window passes. */
  arm(): void;
}

/**
 * The echo tracker between a session's two pipelines: the output tells which keystrokes were
 * echoed, and the input side records them once decided. One per session (both stages share it).
 */
export class EchoLink {
  private readonly tracker: EchoTracker;
  private state: EchoTrackerState;
  /**
   * Keystrokes typed before the target said anything (the connection is still being set up)
   * cannot be echoed yet: their echo window starts with the first output.
   */
  private isOutputSeen = false;
  private early: Buffer[] = [];
  private input: InputSide | undefined;

  constructor(readonly windowMs: number | undefined) {
    this.tracker = createEchoTracker({ windowMs });
    this.state = this.tracker.initialState;
  }

  /** The input stage to tell (there is one per session). */
  connect(input: InputSide): void {
    this.input = input;
  }

  /** Keystrokes typed: the records decided now, or null while the target has said nothing yet (kept for later). */
  typed(chunk: Buffer, now: number): InputRecord[] | null {
    if (!this.isOutputSeen) {
      this.early.push(Buffer.from(chunk));
      return null;
    }
    return this.track(chunk, now);
  }

  /** Feeds the tracker; returns the typed keystrokes the chunk echoes ('' unless they end it). */
  output(chunk: Buffer): string {
    if (!this.isOutputSeen) {
      this.isOutputSeen = true;
      const now = Date.now();
      for (const typed of this.takeEarly()) this.input?.onRecords(this.track(typed, now));
    }
    const isWaiting = this.state.pending.length > 0 || this.state.echoOff;
    const seen = isWaiting || chunk.length <= PROMPT_TAIL_BYTES ? chunk : chunk.subarray(chunk.length - PROMPT_TAIL_BYTES);
    const result = this.tracker.output(this.state, seen, Date.now());
    this.state = result.state;
    if (result.records.length > 0) this.input?.onRecords(result.records);
    this.input?.arm();
    return result.isEchoLast ? result.echoed : '';
  }

  /** Decides the keystrokes whose echo window has passed at `now`. */
  tick(now: number): InputRecord[] {
    const result = this.tracker.tick(this.state, now);
    this.state = result.state;
    return result.records;
  }

  /** When the oldest keystroke still waiting for its echo was typed, if any. */
  oldestPending(): number | undefined {
    return this.state.pending[0]?.at;
  }

  /** At the session's end: keystrokes typed before any output, decided as if typed at time 0. */
  endEarly(): InputRecord[] {
    return this.takeEarly().flatMap((typed) => this.track(typed, 0));
  }

  private track(chunk: Buffer, now: number): InputRecord[] {
    const result = this.tracker.input(this.state, chunk, now);
    this.state = result.state;
    return result.records;
  }

  private takeEarly(): Buffer[] {
    const early = this.early;
    this.early = [];
    return early;
  }
}
