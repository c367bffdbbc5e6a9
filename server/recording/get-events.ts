import type { z } from 'zod';
import type { Actor } from '../actor/actor';
import { auditReplay } from './audit-recording-access';
import { textDecoders } from './format';
import { readEventRange } from './read-events';
import { screenMasker } from './apply-screen-masks';
import { screenMasksOf } from './screen-masks';
import { requireReplayableRecording } from './find-recording';
import { eventWindow } from './share-window';
import { eventsQuery, type EventsView, type EventTuple } from './recording-schemas';

const round = (t: number) => Math.round(t * 1e6) / 1e6;
const SEEK_LOOKAHEAD_BYTES = 128 * 1024;
const PLAYBACK_WINDOW_BYTES = 2 * 1024 * 1024;

/**
 * Events in a time range, as `[t, kind, text]`; with `keyframe`, from the nearest keyframe on.
 * A reviewer of a shared range gets only events inside it (see share-window.ts).
 */
export async function getEvents({ actor, recordingId, query }: { actor: Actor; recordingId: string; query: z.input<typeof eventsQuery> }): Promise<EventsView> {
  const { recording, access } = await requireReplayableRecording(actor, recordingId);
  const q = eventsQuery.parse(query);
  await auditReplay(actor, recordingId, access.kind === 'share' ? { shareId: access.shareId } : {});
  // A seek wants its screen fast: a short look-ahead; playback windows may be larger.
  const screen = await screenMasksOf(recording);
  const window = eventWindow(q, access.kind === 'share' ? access.range : null);
  const range = window.isEmpty
    ? { keyframe: null, events: [], nextFrom: null }
    : await readEventRange(recording, {
        from: window.from,
        to: window.to,
        withKeyframe: q.keyframe,
        canUseKeyframes: screen.hasMaskedKeyframes && window.canUseKeyframes,
        maxBytes: q.keyframe ? SEEK_LOOKAHEAD_BYTES : PLAYBACK_WINDOW_BYTES,
      });
  const decode = textDecoders();
  const mask = screenMasker(screen.masks);
  return {
    from: q.from,
    to: q.to,
    keyframe: range.keyframe ? { t: range.keyframe.t, cols: range.keyframe.cols, rows: range.keyframe.rows, data: range.keyframe.data } : null,
    events: range.events.filter((event) => window.keeps(event.t)).map((event): EventTuple => [round(event.t), event.kind, decode(mask(event))]),
    nextFrom: range.nextFrom,
  };
}
