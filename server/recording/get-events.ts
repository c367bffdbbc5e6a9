import type { z } from 'zod';
import type { Actor } from '../auth/actor';
import { auditReplay } from './audit-recording-access';
import { textDecoders } from './format';
import { readEventRange } from './read-events';
import { screenMasker } from './apply-screen-masks';
import { screenMasksOf } from './screen-masks';
import { requireVisibleRecording } from './find-recording';
import { eventsQuery, type EventsView, type EventTuple } from './recording-schemas';

const round = (t: number) => Math.round(t * 1e6) / 1e6;
const SEEK_LOOKAHEAD_BYTES = 128 * 1024;
const PLAYBACK_WINDOW_BYTES = 2 * 1024 * 1024;

/** Events in a time range, as `[t, kind, text]`; with `keyframe`, from the nearest keyframe on. */
export async function getEvents({ actor, recordingId, query }: { actor: Actor; recordingId: string; query: z.input<typeof eventsQuery> }): Promise<EventsView> {
  const { recording } = await requireVisibleRecording(actor, recordingId);
  const q = eventsQuery.parse(query);
  await auditReplay(actor, recordingId);
  // A seek wants its screen fast: a short look-ahead; playback windows may be larger.
  const screen = await screenMasksOf(recording);
  const range = await readEventRange(recording, {
    from: q.from,
    to: q.to,
    withKeyframe: q.keyframe,
    canUseKeyframes: screen.hasMaskedKeyframes,
    maxBytes: q.keyframe ? SEEK_LOOKAHEAD_BYTES : PLAYBACK_WINDOW_BYTES,
  });
  const decode = textDecoders();
  const mask = screenMasker(screen.masks);
  return {
    from: q.from,
    to: q.to,
    keyframe: range.keyframe ? { t: range.keyframe.t, cols: range.keyframe.cols, rows: range.keyframe.rows, data: range.keyframe.data } : null,
    events: range.events.map((event): EventTuple => [round(event.t), event.kind, decode(mask(event))]),
    nextFrom: range.nextFrom,
  };
}
