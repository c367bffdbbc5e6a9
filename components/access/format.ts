import { formatMinutes } from '@/lib/access/format-minutes';

export { formatMinutes };

/** Time left until `iso`: `1h 04m`, `4m 09s` under ten minutes, `0s` once past. */
export function formatRemaining(iso: string, now: number): string {
  const ms = Math.max(0, new Date(iso).getTime() - now);
  const seconds = Math.floor(ms / 1000);
  if (seconds < 600) return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
  return formatMinutes(Math.floor(seconds / 60));
}

export function formatClock(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** Durations offered in the request form, capped by the policy's maximum. */
export function durationChoices(maxMinutes: number): number[] {
  const steps = [15, 30, 60, 120, 240, 480, 1440, 4320, 10080].filter((m) => m < maxMinutes);
  return [...steps, maxMinutes];
}
