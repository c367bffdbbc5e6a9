import { AppError } from './app-error';

/**
 * Refuses a range whose end comes before its start (days as `YYYY-MM-DD` or moments), as the
 * insights do: an empty list would look like "nothing happened" instead of "the range is backwards".
 */
export function assertRangeInOrder(from: string | Date | undefined, to: string | Date | undefined): void {
  if (from === undefined || to === undefined) return;
  const start = typeof from === 'string' ? Date.parse(from) : from.getTime();
  const end = typeof to === 'string' ? Date.parse(to) : to.getTime();
  if (end < start) throw new AppError('VALIDATION', { userMessage: 'The last day comes before the first.', fields: { to: ['Comes before the first day'] } });
}
