/**
 * The one duration format (UI map): the two largest units, the second padded, e.g. `2d 03h`,
 * `1h 04m`, `4m 05s`, `42s`. Zero seconds are left off so whole minutes read `45m`.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function formatDuration(seconds: number): string {
  const total = Math.floor(Math.max(0, seconds));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (days > 0) return `${days}d ${pad(hours)}h`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;
  if (minutes > 0) return rest === 0 ? `${minutes}m` : `${minutes}m ${pad(rest)}s`;
  return `${rest}s`;
}

/** Whole minutes (request and grant lengths): `formatMinutes(64)` → `1h 04m`. */
export function formatMinutes(minutes: number): string {
  return formatDuration(minutes * 60);
}

/** Milliseconds, for what is often shorter than a second (a statement's run time): `12 ms`, `1.25 s`, then `formatDuration`. */
const secondsFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatMilliseconds(ms: number): string {
  const value = Math.max(0, ms);
  if (value < 1000) return `${Math.round(value)} ms`;
  if (value < 60_000) return `${secondsFormat.format(value / 1000)} s`;
  return formatDuration(value / 1000);
}
