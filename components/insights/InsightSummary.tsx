import { formatCount, formatNumber } from '@/lib/format/count';
import { formatDuration } from '@/lib/format/duration';
import type { Totals, TotalsChange } from '@/lib/insights/insights-types';
import { describeChange } from './describe-change';

type Stat = { key: keyof Totals; label: string; format: (value: number) => string; isBadWhenUp?: boolean };

const STATS: Stat[] = [
  { key: 'sessions', label: 'Sessions', format: formatNumber },
  { key: 'seconds', label: 'Time in sessions', format: formatDuration },
  { key: 'commands', label: 'Commands and statements', format: formatNumber },
  { key: 'failed', label: 'Failed', format: formatNumber, isBadWhenUp: true },
  { key: 'masks', label: 'Secrets masked', format: formatNumber, isBadWhenUp: true },
];

/** The period's totals, each against the period of equal length just before it. */
export function InsightSummary({ change, days }: { change: TotalsChange; days: number }) {
  return (
    <section aria-labelledby="insights-summary" className="mb-6">
      <h2 id="insights-summary" className="sr-only">
        Totals
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {STATS.map(({ key, label, format, isBadWhenUp }) => {
          const current = change.current[key];
          const previous = change.previous[key];
          const isSame = describeChange(current, previous, format) === 'no change';
          const isWorse = isBadWhenUp ? current > previous : current < previous;
          return (
            <div key={key} className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
              <dd className="mt-1 text-xl font-semibold tabular-nums">{format(current)}</dd>
              <dd
                className={`mt-0.5 text-xs ${isSame ? 'text-zinc-500 dark:text-zinc-400' : isWorse ? 'text-amber-700 dark:text-amber-400' : 'text-emerald-700 dark:text-emerald-400'}`}
                title={`${change.previousFrom} – ${change.previousTo}: ${format(previous)}`}
              >
                {describeChange(current, previous, format)} <span className="text-zinc-500 dark:text-zinc-400">vs previous {formatCount(days, 'day')}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
