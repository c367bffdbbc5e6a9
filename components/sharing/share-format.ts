import { formatClock } from '../replay/replay-format';

/** "0:03–1:40", "from 0:03", "up to 1:40", or null for the whole recording. */
export function rangeLabel(start: number | null, end: number | null): string | null {
  if (start === null && end === null) return null;
  if (end === null) return `from ${formatClock(start ?? 0)}`;
  if (start === null || start === 0) return `up to ${formatClock(end)}`;
  return `${formatClock(start)}–${formatClock(end)}`;
}
