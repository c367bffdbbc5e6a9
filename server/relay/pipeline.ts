import type { SessionEndReason } from '@/lib/protocol/terminal-protocol';

/**
 * A session's byte path, one per direction:
 *   output: connector → masker → recorder → socket
 *   input:  socket → masker → recorder → connector
 * Each slot is a Stage: given the next sink, it returns its own sink. A pass-through stage
 * returns `next` itself, so an empty slot costs nothing on the keystroke path.
 *
 * One chain carries two versions of the stream where they differ: what is recorded and what
 * is relayed past the recorder (see Sink.write). The masker decides both; the recorder stores
 * the first and relays the second, once the first is stored.
 */

/** Events that travel with the bytes, in order, so a recorder can write them to its timeline. */
export type PipelineEvent =
  | { type: 'resize'; cols: number; rows: number }
  | { type: 'exit'; reason: SessionEndReason; message: string; exitCode: number | null }
  /**
   * The masker replaced secrets: `count` is the session's running total, `masks` where (byte
   * offsets in the masked stream) and by which rule. Never the secret itself.
   */
  | { type: 'mask'; direction: Direction; count: number; masks: readonly { rule: string; offset: number; length: number }[] };

export interface Sink {
  /**
   * `chunk` is the stream as the recording gets it. `relayed`, when given, is what goes on past
   * the recorder instead (to the browser or the target): the keystrokes exactly as typed, raw
   * output under a recording-only policy, or output masked on a shorter deadline than the
   * recording's. Either may be empty. Stages after the recorder see one version; a final sink
   * uses `relayed ?? chunk`.
   * Synchronous on purpose: a stage that must wait (the masker's hold-back) keeps its own timer.
   */
  write(chunk: Buffer, relayed?: Buffer): void;
  event(event: PipelineEvent): void;
  /** No more data will come; flush anything held back. */
  end(): void;
}

export type Direction = 'output' | 'input';

export type StageContext = {
  sessionId: string;
  userId: string;
  resourceId: string;
  direction: Direction;
  /**
   * Backpressure for stages that fall behind (a recording store): while any reason is held
   * the connector's output is paused. Never buffer without bound, never drop.
   */
  pause(reason: string): void;
  resume(reason: string): void;
};

export type Stage = (next: Sink, context: StageContext) => Sink;

export const passThrough: Stage = (next) => next;

/** The two slots later issues fill: masking first, so nothing unmasked is stored or shown. */
export type PipelineSlots = { masker: Stage; recorder: Stage };

export function buildPipeline(slots: PipelineSlots, sink: Sink, context: StageContext): Sink {
  return slots.masker(slots.recorder(sink, context), context);
}
