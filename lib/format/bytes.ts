import { formatNumber } from './count';

/**
 * Sizes in binary units, the way they are counted (1 KiB = 1024 B): `512 B`, `1.5 KiB`,
 * `12 MiB`. One decimal at most, none when it would be `.0`.
 */
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  // Rounding decides the unit: 1023.96 KiB would print as "1,024 KiB", so it moves up to MiB.
  while (unit < UNITS.length - 1 && Math.round(value * 10) / 10 >= 1024) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${formatNumber(Math.round(value))} B` : `${oneDecimal.format(value)} ${UNITS[unit]}`;
}
