import type { SessionEndReason } from './protocol';

/**
 * A session's byte path, one per direction:
 *   output: connector → masker → recorder → socket
 *   input:  socket → masker → recorder → connector
 * Each slot is a Stage: given the next sink, it returns its own sink. A pass-through stage
 * returns `next` itself, so an empty slot costs nothing on the keystroke path.
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
  /** Synchronous on purpose: a stage that must wait (the masker's hold-back) keeps its own timer. */
  write(chunk: Buffer): void;
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

/**
 * The two slots later issues fill: masking first, so nothing unmasked is stored or shown.
 * `masks` says who gets the masker's output:
 *   'all' (default): connector → masker → recorder → sink;
 *   'recording': the sink gets the raw bytes, and a branch masker → recorder gets a copy (the
 *   input direction, where the target must get exactly what was typed, and resources whose
 *   policy masks the recording only). The branch's relayed bytes are dropped; its events other
 *   than resize and exit (which the sink gets directly) are passed on to the sink.
 */
export type PipelineSlots = { masker: Stage; recorder: Stage; masks?: 'all' | 'recording' };

export function buildPipeline(slots: PipelineSlots, sink: Sink, context: StageContext): Sink {
  if (slots.masks !== 'recording') return slots.masker(slots.recorder(sink, context), context);
  const branch = slots.masker(slots.recorder(branchEnd(sink), context), context);
  return {
    write(chunk) {
      sink.write(chunk);
      branch.write(chunk);
    },
    event(event) {
      // The recording first: a held-back tail is flushed and the exit stored before the sink closes.
      branch.event(event);
      sink.event(event);
    },
    end() {
      branch.end();
      sink.end();
    },
  };
}

function branchEnd(sink: Sink): Sink {
  return {
    write: () => undefined,
    event: (event) => (event.type === 'mask' ? sink.event(event) : undefined),
    end: () => undefined,
  };
}
