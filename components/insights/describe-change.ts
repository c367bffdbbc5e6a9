/** "+3 (+60%)" against the period before; a change from nothing has no percentage. */
export function describeChange(current: number, previous: number, format: (value: number) => string): string {
  const diff = current - previous;
  // 0.4 s against 0.9 s both read `0s`: a change too small to show is none.
  if (diff === 0 || format(current) === format(previous)) return 'no change';
  const sign = diff > 0 ? '+' : '−';
  const percent = previous > 0 ? ` (${sign}${Math.round((Math.abs(diff) / previous) * 100)}%)` : '';
  return `${sign}${format(Math.abs(diff))}${percent}`;
}
