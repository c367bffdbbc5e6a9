import type { InsightsQuery } from '@/lib/insights/insights-types';

const DAY_MS = 86_400_000;
const WEEK_DAYS = 7;
const MONTH_DAYS = 30;

/** The days a report covers, as instants (`end` exclusive), and the period of equal length just before. */
export type ResolvedPeriod = { start: Date; end: Date; previousStart: Date; days: string[] };

export const toDay = (date: Date) => date.toISOString().slice(0, 10);

/** Week and month end today (UTC) and reach back 7 and 30 days; a custom period is its own days. */
export function resolvePeriod(query: Pick<InsightsQuery, 'period' | 'from' | 'to'>, now: Date = new Date()): ResolvedPeriod {
  let start: Date;
  let end: Date;
  if (query.period === 'custom' && query.from && query.to) {
    start = new Date(`${query.from}T00:00:00Z`);
    end = new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS);
  } else {
    end = new Date(Date.parse(`${toDay(now)}T00:00:00Z`) + DAY_MS);
    start = new Date(end.getTime() - (query.period === 'month' ? MONTH_DAYS : WEEK_DAYS) * DAY_MS);
  }
  const days: string[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += DAY_MS) days.push(toDay(new Date(t)));
  return { start, end, previousStart: new Date(start.getTime() - (end.getTime() - start.getTime())), days };
}
