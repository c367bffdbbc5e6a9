import { describe, expect, it } from 'vitest';
import { insightsQuery } from '@/lib/insights/insights-types';
import { resolvePeriod, toDay } from './resolve-period';

const now = new Date('2026-12-04T14:15:00Z');

describe('resolvePeriod', () => {
  it('a week is the last seven days up to and including today, and the week before it', () => {
    const period = resolvePeriod({ period: 'week' }, now);
    expect(period.days).toEqual(['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(period.end.toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(toDay(period.previousStart)).toBe('2026-11-21');
  });

  it('a month is the last thirty days', () => {
    const period = resolvePeriod({ period: 'month' }, now);
    expect(period.days).toHaveLength(30);
    expect(period.days[0]).toBe('2026-11-05');
  });

  it('a custom period covers both of its days, and the previous one is as long', () => {
    const period = resolvePeriod({ period: 'custom', from: '2026-03-01', to: '2026-03-03' }, now);
    expect(period.days).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(toDay(period.previousStart)).toBe('2026-02-26');
  });
});

describe('insightsQuery', () => {
  it('asks for both days of a custom period, in order, at most a year apart', () => {
    expect(insightsQuery.safeParse({ period: 'custom' }).error?.issues.map((i) => i.message)).toEqual(['Pick the first day', 'Pick the last day']);
    expect(insightsQuery.safeParse({ period: 'custom', from: '2026-03-03', to: '2026-03-01' }).error?.issues[0]?.message).toBe(
      'The last day comes before the first',
    );
    expect(insightsQuery.safeParse({ period: 'custom', from: '2024-01-01', to: '2026-03-01' }).error?.issues[0]?.message).toBe('Pick at most 366 days');
    expect(insightsQuery.safeParse({ period: 'custom', from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
  });

  it('names the periods it knows when given another', () => {
    expect(insightsQuery.safeParse({ period: 'year' }).error?.issues[0]?.message).toBe('Pick the last 7 days, the last 30 days or custom dates');
  });

  it('defaults to a week and treats empty form fields as absent', () => {
    expect(insightsQuery.parse({ userId: '', from: '', to: '' })).toEqual({ period: 'week' });
  });
});
