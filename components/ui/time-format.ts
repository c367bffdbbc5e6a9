import { formatCount } from '@/lib/format/count';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 min ago", "in 5 days", "just now". */
export function formatRelative(date: Date, now: number): string {
  const diff = date.getTime() - now;
  const abs = Math.abs(diff);
  if (abs < 45_000) return 'just now';
  let text: string;
  if (abs < HOUR) text = `${Math.max(1, Math.floor(abs / MINUTE))} min`;
  else if (abs < DAY) text = `${Math.floor(abs / HOUR)} h`;
  // Rounded from a day up, so a token made to expire in 30 days says so, not "in 29 days".
  else if (abs < 30 * DAY) text = formatCount(Math.max(1, Math.round(abs / DAY)), 'day');
  else if (abs < 365 * DAY) text = formatCount(Math.max(1, Math.round(abs / (30 * DAY))), 'month');
  else text = formatCount(Math.round(abs / (365 * DAY)), 'year');
  return diff < 0 ? `${text} ago` : `in ${text}`;
}

export function formatAbsolute(date: Date): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
