import { KEYSTROKES_INITIAL_STATE, MAX_HELD_BYTES, type Masker } from '../masker';
import type { MaskerState, MaskEvent } from '../types';

export type TypedInputStep = { output: Buffer; events: readonly MaskEvent[] };

/**
 * What is typed, masked in two passes (a few bytes a second, so two cost nothing that
 * matters): first as typed, so a key typed whole and then partly deleted is masked; then as the
 * shell's line editor reads it (KEYSTROKES_INITIAL_STATE: DEL and BS delete the character
 * before, a line is decided at Enter), so a key typed with a typo corrected (`…P-⌫LE`) is one
 * key. One per recorded input stream; its two states hold at most MAX_HELD_BYTES together.
 */
export class TypedInputMasker {
  private asTyped: MaskerState;
  private edited: MaskerState = KEYSTROKES_INITIAL_STATE;

  constructor(private readonly masker: Masker) {
    this.asTyped = masker.initialState;
  }

  step(typed: Buffer): TypedInputStep {
    return this.then(this.masker.step(this.asTyped, typed), false);
  }

  /** Decides everything held, failing closed (a hidden run or the session's end). */
  end(): TypedInputStep {
    return this.then(this.masker.end(this.asTyped), true);
  }

  isHolding(): boolean {
    return this.asTyped.held.length > this.asTyped.emitted || this.edited.held.length > this.edited.emitted;
  }

  heldBytes(): number {
    return this.asTyped.held.length + this.edited.held.length;
  }

  private then(first: { state: MaskerState; output: Buffer; events: readonly MaskEvent[] }, isEnd: boolean): TypedInputStep {
    this.asTyped = first.state;
    const second = this.masker.step(this.edited, first.output);
    // Both passes together hold what one state may (MAX_HELD_BYTES): past it, the line so far is
    // decided now, failing closed, as at the end (a paste of 20 KiB without a line break).
    const isOver = first.state.held.length + second.state.held.length > MAX_HELD_BYTES;
    const last = isEnd || isOver ? this.masker.end(second.state) : null;
    this.edited = last?.state ?? second.state;
    return {
      output: last ? Buffer.concat([second.output, last.output]) : second.output,
      events: [...first.events, ...second.events, ...(last?.events ?? [])],
    };
  }
}
