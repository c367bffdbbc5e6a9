import type { MaskingMode } from '@/db/masking-schema';
import type { Sink, Stage } from '@/server/relay/pipeline';
import { stripAnsi } from '../ansi';
import type { Masker } from '../masker';
import type { MaskerState, MaskEvent } from '../types';
import { IdleDeadline } from './idle-deadline';

const EMPTY = Buffer.alloc(0);
/** Echoed keystrokes kept to recognise held echo: longer than any token typed at once is rare. */
const MAX_ECHO_KEPT = 1024;

export type OutputMaskingOptions = {
  masker: Masker;
  mode: MaskingMode;
  /** Quiet after which the browser gets held echo of what the user typed (0: at once, in the same write). */
  viewIdleMs: number;
  /** Quiet after which the browser gets held program output: long enough for a secret printed in pieces. */
  screenHoldMs: number;
  /** Every output chunk, before masking (the echo tracker reads it): the typed keystrokes it ends with echoing. */
  onChunk(chunk: Buffer): string;
  /** Masks in the recorded stream: the ones the session counts and the timeline shows. */
  report(next: Sink, events: readonly MaskEvent[]): void;
  /** Called once per stream with a reader of the bytes its masker states hold. */
  onHeld?(heldBytes: () => number): void;
};

/**
 * The output slot: one stream in, two out. The recording's holds a possible secret back until
 * it is decided, however long that takes (no deadline: `printf AKIAIOSF; sleep 6; printf
 * ODNN7EXAMPLE` is one key), within the masker's bound on held bytes; at the session's end an
 * undecided tail is masked rather than stored (masker.end). The browser's releases it after
 * `screenHoldMs` of quiet when a program printed it (a key printed in two writes 150 ms apart
 * is masked on screen too), after `viewIdleMs` (by default at once) when it is the echo of what the user typed: a
 * secret typed at the prompt echoes a character at a time, and the user sees their own
 * keystrokes at once, but the recording (and the command index and exports built from it) gets
 * the secret masked once it is complete.
 *
 * Both versions are the same masker over the same bytes, so they share one state until a view
 * deadline releases something the recording still holds, and share again once the two states
 * have caught up with each other: bulk output is masked once.
 * Under the `recording_only` policy the browser gets the raw bytes.
 */
export function outputMaskingStage(options: OutputMaskingOptions): Stage {
  const { masker, mode } = options;
  return (next) => {
    let recorded: MaskerState = masker.initialState;
    /** The browser's state while it differs from the recording's; null while they agree. */
    let shown: MaskerState | null = null;
    const isHolding = (state: MaskerState) => state.held.length > state.emitted;
    /** What the browser's copy holds is all echo of typed keystrokes (released sooner). */
    let isEchoHeld = false;
    /** The last keystrokes echoed: held text they end with is the user's typing. */
    let recentEcho = '';
    const isEchoOnly = (state: MaskerState) => {
      const held = stripAnsi(state.held.subarray(state.emitted), true).clean;
      return held.length > 0 && recentEcho.endsWith(held);
    };
    options.onHeld?.(() => recorded.held.length + (shown?.held.length ?? 0));
    const rejoin = () => {
      if (shown && isSameFromHere(shown, recorded)) shown = null;
    };

    const releaseView = () => {
      const result = masker.flush(shown ?? recorded);
      shown = result.state;
      if (result.output.length > 0) next.write(EMPTY, result.output);
      rejoin();
    };
    /** The stream ends: what the recording still holds is decided now, failing closed. */
    const endRecording = () => {
      const result = masker.end(recorded);
      recorded = result.state;
      // While the browser agrees with the recording it gets the same bytes; otherwise it has
      // them already (released on its own deadline, or raw).
      const isShared = mode !== 'recording_only' && shown === null;
      if (isShared) viewDeadline.cancel();
      if (result.output.length > 0) next.write(result.output, isShared ? undefined : EMPTY);
      options.report(next, result.events);
      rejoin();
    };
    const viewDeadline = new IdleDeadline(options.viewIdleMs, releaseView);
    const releaseAll = () => {
      viewDeadline.cancel();
      if (shown && isHolding(shown)) releaseView();
      if (isHolding(recorded)) endRecording();
    };

    return {
      write(chunk) {
        const echoed = options.onChunk(chunk);
        if (echoed) recentEcho = (recentEcho + echoed).slice(-MAX_ECHO_KEPT);
        const wasHolding = mode !== 'recording_only' && isHolding(shown ?? recorded);
        const result = masker.step(recorded, chunk);
        recorded = result.state;
        let relayed: Buffer | undefined;
        if (mode === 'recording_only') {
          relayed = chunk;
        } else if (shown) {
          const view = masker.step(shown, chunk);
          shown = view.state;
          relayed = view.output;
          rejoin();
        }
        next.write(result.output, relayed);
        options.report(next, result.events);

        if (mode !== 'recording_only' && isHolding(shown ?? recorded)) {
          // Held text that is the end of what the user just typed is released soon; program
          // output (printed after the echo in the same chunk, or held before it) waits longer.
          isEchoHeld = echoed !== '' && (!wasHolding || isEchoHeld) && isEchoOnly(shown ?? recorded);
          viewDeadline.touch(isEchoHeld ? options.viewIdleMs : options.screenHoldMs);
        } else {
          viewDeadline.cancel();
        }
      },
      event(event) {
        if (event.type === 'exit') releaseAll();
        next.event(event);
      },
      end() {
        releaseAll();
        next.end();
      },
    };
  };
}

/**
 * Two masker states that agree on everything but the output offset (which only positions
 * events, and only the recording's events are used) give the same output from here on.
 */
function isSameFromHere(a: MaskerState, b: MaskerState): boolean {
  if (a === b) return true;
  for (const key of Object.keys(a) as (keyof MaskerState)[]) {
    if (key === 'outputOffset') continue;
    const x: unknown = a[key];
    const y: unknown = b[key];
    if (x === y) continue;
    if (Buffer.isBuffer(x) && Buffer.isBuffer(y)) {
      if (!x.equals(y)) return false;
    } else if (JSON.stringify(x) !== JSON.stringify(y)) {
      return false;
    }
  }
  return true;
}
