import type { ReplayEvent } from '@/lib/recording/replay-types';

/** The replay terminal's font size when the page has room; it only shrinks from here. */
export const FULL_FONT_SIZE = 13;
/** Below this the text is unreadable: the region scrolls instead. */
export const MIN_FONT_SIZE = 5;
/** Full screen, the terminal may grow to this (an 80×24 recording on a laptop's screen). */
export const FULLSCREEN_FONT_SIZE = 28;

/**
 * The font size at which a terminal drawn `screen` big at `current` fits in `room` (same
 * cols and rows, so the aspect stays), at most `largest`. Half-point steps; `tooBig` is the
 * smallest size seen not to fit in this room, so rounding in the renderer cannot make it grow
 * back and forth.
 */
export function fitFontSize({
  current,
  screen,
  room,
  tooBig = Infinity,
  largest = FULL_FONT_SIZE,
}: {
  current: number;
  screen: { width: number; height: number };
  room: { width: number; height: number };
  tooBig?: number;
  largest?: number;
}): number {
  if (screen.width <= 0 || screen.height <= 0 || room.width <= 0 || room.height <= 0) return current;
  const scale = Math.min(room.width / screen.width, room.height / screen.height);
  const size = Math.floor(current * scale * 2) / 2;
  return Math.min(largest, tooBig - 0.5, Math.max(MIN_FONT_SIZE, size));
}

// CSI, OSC (to BEL or ST), and two-byte escapes: what moves the cursor or sets colours, never text.
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;

/** When the first output that draws a visible character was written, or null if there is none yet. */
export function firstVisibleOutputTime(events: readonly ReplayEvent[]): number | null {
  for (const [t, kind, data] of events) {
    if (kind === 'o' && /[^\s\x00-\x1f\x7f]/.test(data.replace(ESCAPES, ''))) return t;
  }
  return null;
}
