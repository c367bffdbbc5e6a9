import type { MaskingMode } from '@/db/masking-schema';
import type { PipelineEvent, Sink, Stage } from '@/server/relay/pipeline';
import type { Masker } from '../masker';
import type { MaskEvent } from '../types';
import { EchoLink } from './echo-link';
import { HIDDEN_INPUT_MARKER, inputMaskingStage } from './input-masking';
import { outputMaskingStage } from './output-masking';

export { HIDDEN_INPUT_MARKER };

/**
 * The echo of typed keystrokes held back as a possible secret reaches the browser after this much
 * quiet: none, it goes at once. The user sees their own typing; only the recording must wait for
 * the secret to be decided, and a keystroke that waited even 4 ms put that on the echo's p99.
 */
export const VIEW_IDLE_MS = 0;
/** Program output held back as a possible secret reaches the browser after this much quiet (PORTHOLE_MASK_SCREEN_HOLD_MS). */
export const SCREEN_HOLD_MS = 250;

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
 * tells which keystrokes were echoed, see echo-link.ts) and the mask count, which counts what
 * the recording got.
 *
 * Output: see output-masking.ts (the browser's copy: typed echo at once, program output after a
 * deadline; the recording's once decided, with no deadline).
 * Input: see input-masking.ts (the target gets the keystrokes at once; the recording once the
 * echo tracker decides them, through the masker or as HIDDEN_INPUT_MARKER).
 */
export function createMaskingStages(options: MaskingStagesOptions): MaskingStages {
  const { masker } = options;
  const echo = new EchoLink(options.echoWindowMs);
  let count = 0;
  const held: Array<() => number> = [];

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
    onChunk: (chunk) => echo.output(chunk),
    report: (next, events) => report(next, 'output', events),
    onHeld: (heldBytes) => held.push(heldBytes),
  });
  const input = inputMaskingStage({
    masker,
    echo,
    report: (next, events) => report(next, 'input', events),
    onHeld: (heldBytes) => held.push(heldBytes),
  });

  return { output, input, count: () => count, heldBytes: () => held.reduce((sum, bytes) => sum + bytes(), 0) };
}
