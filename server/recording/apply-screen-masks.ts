import { masksByEvent, paintSequence, type ScreenMask } from '@/lib/recording/screen-mask';
import type { RecordingEvent } from './format';

type Positioned = RecordingEvent & { chunkSeq: number; index: number };

/**
 * Inserts each screen mask's paint into the output event it belongs to, at its byte offset: a
 * terminal that plays the result (the replay, asciinema, the screen export) paints over the
 * secret at the moment the indexer did, so it never shows it.
 */
export function screenMasker(masks: readonly ScreenMask[]): <E extends Positioned>(event: E) => E {
  const byEvent = masksByEvent(masks);
  return (event) => {
    if (event.kind !== 'o' || byEvent.size === 0) return event;
    const list = byEvent.get(`${event.chunkSeq}:${event.index}`);
    if (!list) return event;
    const parts: Buffer[] = [];
    let from = 0;
    for (const mask of list) {
      const at = Math.min(mask.offset, event.data.length);
      parts.push(event.data.subarray(from, at), Buffer.from(paintSequence(mask), 'utf8'));
      from = at;
    }
    parts.push(event.data.subarray(from));
    return { ...event, data: Buffer.concat(parts) };
  };
}
