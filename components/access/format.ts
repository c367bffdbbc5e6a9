import { formatDuration, formatMinutes } from '@/lib/format/duration';

export { formatMinutes };

/** Time left until `iso`: `4m 09s` under ten minutes, whole minutes (`1h 04m`) above, `0s` once past. */
export function formatRemaining(iso: string, now: number): string {
  const seconds = Math.floor(Math.max(0, new Date(iso).getTime() - now) / 1000);
  return formatDuration(seconds < 600 ? seconds : seconds - (seconds % 60));
}

export function formatClock(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** Durations offered in the request form, capped by the policy's maximum. */
export function durationChoices(maxMinutes: number): number[] {
  const steps = [15, 30, 60, 120, 240, 480, 1440, 4320, 10080].filter((m) => m < maxMinutes);
  return [...steps, maxMinutes];
}
