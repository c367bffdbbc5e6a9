import { formatCount, formatNumber } from '@/lib/format/count';
import type { SearchHit } from '@/lib/search/search-types';

/**
 * The replay's find bar as data: the hits of one query over the whole recording (from
 * `GET /api/v1/recordings/{id}/search`), which one is active, and what the bar says.
 */
export type FindState =
  | { status: 'idle' }
  | { status: 'searching'; query: string }
  | { status: 'error'; query: string; message: string }
  | { status: 'ready'; query: string; hits: SearchHit[]; truncated: boolean; index: number };

const MATCH = { one: 'match', other: 'matches' };

/**
 * A hit's time is when its line reached the screen; a seek shows the events up to and
 * including its target, and links round times down to a tenth, so the replay seeks a little
 * past it to have the hit drawn.
 */
export const HIT_SEEK_SLACK_SECONDS = 0.1;

export function hitSeekTime(hit: { t: number }): number {
  return hit.t + HIT_SEEK_SLACK_SECONDS;
}

/** "3 of 17"; before a hit is chosen "17 matches"; "No matches"; a capped list says so ("500+ matches"). */
export function findLabel(state: FindState): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'searching':
      return 'Searching…';
    case 'error':
      return state.message;
    case 'ready': {
      const count = state.hits.length;
      if (count === 0) return 'No matches';
      const total = state.truncated ? `${formatNumber(count)}+` : formatNumber(count);
      if (state.index < 0) return state.truncated ? `${total} matches` : formatCount(count, MATCH);
      return `${formatNumber(state.index + 1)} of ${total}`;
    }
  }
}

/**
 * The hit Enter (next) or Shift+Enter (previous) goes to. With none chosen yet it is the first
 * hit after the playhead (or the last one before it), so find starts where the user is;
 * past either end it wraps around. -1 when there are no hits.
 */
export function stepHit(hits: readonly { t: number }[], index: number, time: number, direction: 'next' | 'previous'): number {
  const count = hits.length;
  if (count === 0) return -1;
  if (index >= 0 && index < count) return direction === 'next' ? (index + 1) % count : (index - 1 + count) % count;
  if (direction === 'next') {
    const after = hits.findIndex((hit) => hitSeekTime(hit) >= time - 1e-6);
    return after < 0 ? 0 : after;
  }
  for (let i = count - 1; i >= 0; i--) if (hitSeekTime(hits[i]!) < time - 1e-6) return i;
  return count - 1;
}
