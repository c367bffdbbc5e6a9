import type { MaskingMode } from '@/db/masking-schema';
import type { PipelineEvent, Sink, Stage } from '@/server/relay/pipeline';
import { createEchoTracker, type EchoTracker, type EchoTrackerState, type InputRecord } from '../echo-tracker';
import type { Masker } from '../masker';
import type { MaskerState, MaskEvent } from '../types';
import { outputMaskingStage } from './output-masking';

/** What a hidden keystroke run (a password typed at a prompt) becomes in the recorded input. */
export const HIDDEN_INPUT_MARKER = '[hidden input]';

/** The echo of typed keystrokes held back as a possible secret reaches the browser after this much quiet. */
export const VIEW_IDLE_MS = 4;
/** Program output held back as a possible secret reaches the browser after this much quiet (PORTHOLE_MASK_SCREEN_HOLD_MS). */
export const SCREEN_HOLD_MS = 250;
/** When no keystroke waits for its echo, only the end of the output matters (prompt detection). */
const PROMPT_TAIL_BYTES = 512;
const EMPTY = Buffer.alloc(0);

export type MaskingStagesOptions = {
  masker: Masker;
  /** The resource's policy: `recording_only` relays raw output to the browser. */
  mode?: MaskingMode;
  viewIdleMs?: number;
  screenHoldMs?: number;
  echoWindowMs?: number;
  /** Called with the session's running mask count after each change. */
  onCount?: (count: number) => void;
};

export type MaskingStages = {
  output: Stage;
  input: Stage;
  count(): number;
  /** Bytes the session's masker states hold now (≤ 3 × MAX_HELD_BYTES ≤ 64 KiB). */
  heldBytes(): number;
};

/**
 * The masker slot of both pipelines of one session. They share the echo tracker (the output
 * tells which keystrokes were echoed) and the mask count, which counts what the recording got.
 *
 * Output: see output-masking.ts (the browser's copy released after a short deadline, the
 * recording's once decided, with no deadline).
 * Input: the target gets the keystrokes at once, exactly as typed. The recording gets them once
 * the echo tracker decides them: echoed ones through the masker (held until decided, like the
 * recorded output: a token typed with long pauses is still one token), unechoed ones (password
 * prompts) as HIDDEN_INPUT_MARKER, never in clear.
 */
export function createMaskingStages(options: MaskingStagesOptions): MaskingStages {
  const { masker } = options;
  const tracker: EchoTracker = createEchoTracker({ windowMs: options.echoWindowMs });
  let trackerState: EchoTrackerState = tracker.initialState;
  let count = 0;
  const held: Array<() => number> = [];
  let inputSide: { onRecords(records: InputRecord[]): void; arm(): void } | undefined;
  /**
   * Keystrokes typed before the target said anything (the connection is still being set up)
   * cannot be echoed yet: their echo window starts with the first output.
   */
  let isOutputSeen = false;
  let early: Buffer[] = [];
  const trackInput = (chunk: Buffer, now: number): InputRecord[] => {
    const result = tracker.input(trackerState, chunk, now);
    trackerState = result.state;
    return result.records;
  };

  const report = (next: Sink, direction: 'output' | 'input', events: readonly MaskEvent[]): void => {
    if (events.length === 0) return;
    count += events.length;
    options.onCount?.(count);
    const event: PipelineEvent = { type: 'mask', direction, count, masks: events.map((e) => ({ rule: e.rule, offset: e.offset, length: e.length })) };
    next.event(event);
  };

  const output = outputMaskingStage({
    masker,
    mode: options.mode ?? 'view_and_recording',
    viewIdleMs: options.viewIdleMs ?? VIEW_IDLE_MS,
    screenHoldMs: options.screenHoldMs ?? SCREEN_HOLD_MS,
    onChunk: trackOutput,
    report: (next, events) => report(next, 'output', events),
    onHeld: (heldBytes) => held.push(heldBytes),
  });

  /** Feeds the echo tracker; returns the typed keystrokes the chunk echoes ('' unless they end it). */
  function trackOutput(chunk: Buffer): string {
    if (!isOutputSeen) {
      isOutputSeen = true;
      const now = Date.now();
      for (const typed of early) inputSide?.onRecords(trackInput(typed, now));
      early = [];
    }
    const isWaiting = trackerState.pending.length > 0 || trackerState.echoOff;
    const seen = isWaiting || chunk.length <= PROMPT_TAIL_BYTES ? chunk : chunk.subarray(chunk.length - PROMPT_TAIL_BYTES);
    const result = tracker.output(trackerState, seen, Date.now());
    trackerState = result.state;
    if (result.records.length > 0) inputSide?.onRecords(result.records);
    inputSide?.arm();
    return result.isEchoLast ? result.echoed : '';
  }

  const input: Stage = (next) => {
    let state: MaskerState = masker.initialState;
    held.push(() => state.held.length);
    let tickTimer: NodeJS.Timeout | undefined;
    let isEnded = false;
    let isHiddenRun = false;
    /** The typed text ends here (a hidden run, the session's end): decided now, failing closed. */
    const endMasker = () => {
      if (state.held.length <= state.emitted) return;
      const result = masker.end(state);
      state = result.state;
      if (result.output.length > 0) next.write(result.output, EMPTY);
      report(next, 'input', result.events);
    };
    const side = {
      onRecords(records: InputRecord[]) {
        if (isEnded) return;
        for (const record of records) {
          if (record.kind === 'hidden') {
            // Whatever was held is typed text before the prompt: decide it, then the marker,
            // once per run of hidden keystrokes (however the tracker split it: no length leaks).
            endMasker();
            if (!isHiddenRun) next.write(Buffer.from(HIDDEN_INPUT_MARKER), EMPTY);
            isHiddenRun = true;
            continue;
          }
          isHiddenRun = false;
          const result = masker.step(state, record.bytes);
          state = result.state;
          if (result.output.length > 0) next.write(result.output, EMPTY);
          report(next, 'input', result.events);
        }
      },
      /** Keystrokes waiting for their echo are decided when their window passes. */
      arm() {
        if (isEnded || tickTimer || trackerState.pending.length === 0) return;
        const oldest = trackerState.pending[0]!;
        const windowMs = options.echoWindowMs ?? 250;
        tickTimer = setTimeout(
          () => {
            tickTimer = undefined;
            const result = tracker.tick(trackerState, Date.now());
            trackerState = result.state;
            side.onRecords(result.records);
            side.arm();
          },
          Math.max(1, oldest.at + windowMs - Date.now() + 1),
        );
      },
    };
    inputSide = side;
    return {
      write(chunk) {
        // The target gets what was typed, now; the recording once the echo decides it.
        next.write(EMPTY, chunk);
        if (!isOutputSeen) {
          early.push(Buffer.from(chunk));
          return;
        }
        side.onRecords(trackInput(chunk, Date.now()));
        side.arm();
      },
      event(event) {
        next.event(event);
      },
      end() {
        // Undecided keystrokes at the end are recorded as hidden: never guess "echoed".
        for (const typed of early) side.onRecords(trackInput(typed, 0));
        early = [];
        if (tickTimer) clearTimeout(tickTimer);
        tickTimer = undefined;
        const result = tracker.tick(trackerState, Number.MAX_SAFE_INTEGER);
        trackerState = result.state;
        side.onRecords(result.records);
        endMasker();
        isEnded = true;
        next.end();
      },
    };
  };

  return { output, input, count: () => count, heldBytes: () => held.reduce((sum, bytes) => sum + bytes(), 0) };
}
