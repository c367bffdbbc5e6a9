/** `1h 04m`, `45m`, `2d 03h` (the UI map's duration format). */
export function formatMinutes(total: number): string {
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  if (days > 0) return `${days}d ${String(hours).padStart(2, '0')}h`;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  return `${minutes}m`;
}

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
