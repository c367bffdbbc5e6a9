import type { ShareRange } from './share-access';

export type EventWindow = {
  from: number;
  to: number;
  /** Nothing of the request lies inside the range: read nothing. */
  isEmpty: boolean;
  /**
   * A keyframe is the screen made by everything before it, so one from before the range
   * would show what was not shared: a ranged reviewer's seek replays from the range's start.
   */
  canUseKeyframes: boolean;
  /** Whether an event read may be served. */
  keeps: (t: number) => boolean;
};

/** The events request (`from`..`to`, seconds) cut to what a reviewer's range lets them see. */
export function eventWindow(query: { from: number; to: number }, range: ShareRange | null): EventWindow {
  if (!range) return { from: query.from, to: query.to, isEmpty: false, canUseKeyframes: true, keeps: () => true };
  const end = range.end ?? Number.POSITIVE_INFINITY;
  const from = Math.max(query.from, range.start);
  // The range's end is inclusive: `to` is exclusive in the store, so reach just past it.
  const to = Math.min(query.to, end + 1e-6);
  return {
    from,
    to,
    isEmpty: from >= to,
    canUseKeyframes: false,
    keeps: (t) => t >= range.start && t <= end,
  };
}
