import { formatCount, formatNumber } from '@/lib/format/count';
import { formatDuration, formatMilliseconds } from '@/lib/format/duration';
import type { CommandRun, FailureGroup, RetryChain, TopCommand } from '@/lib/insights/insights-types';
import { Badge } from '../ui/PageHeader';
import { RunLink } from './MomentLink';

const listClass = 'divide-y divide-zinc-100 dark:divide-zinc-800';

/** Most-run patterns: the pattern, how often, how often it failed, the latest run as the link. */
export function PatternList({ items, label }: { items: TopCommand[]; label: string }) {
  const top = items[0]?.count ?? 1;
  return (
    <ol aria-label={label} className={listClass}>
      {items.map((item) => (
        <li key={item.pattern} className="py-2">
          <div className="flex items-baseline justify-between gap-3">
            <code className="min-w-0 truncate text-xs" title={item.pattern}>
              {item.pattern}
            </code>
            <span className="shrink-0 text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
              {formatCount(item.count, 'run')}
              {item.failed > 0 ? <span className="text-red-700 dark:text-red-400"> · {formatNumber(item.failed)} failed</span> : null}
            </span>
          </div>
          <div aria-hidden="true" className="mt-1 h-1 rounded bg-zinc-100 dark:bg-zinc-800">
            <div className="h-1 rounded bg-indigo-500 dark:bg-indigo-400" style={{ width: `${Math.max(2, (item.count / top) * 100)}%` }} />
          </div>
          <div className="mt-1">
            <RunLink run={item.example} detail="latest" />
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Failures grouped by cause, the commonest first; each run links to its moment. */
export function FailureList({ groups }: { groups: FailureGroup[] }) {
  return (
    <ol aria-label="Failures by cause" className={listClass}>
      {groups.map((group) => (
        <li key={`${group.kind}:${group.cause}`} data-testid="failure-cause" className="py-2">
          <div className="flex items-baseline justify-between gap-3">
            <p className="min-w-0 text-sm font-medium break-words">{group.cause}</p>
            <span className="flex shrink-0 items-center gap-1.5 text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
              <Badge tone={group.kind === 'sql' ? 'indigo' : 'zinc'}>{group.kind === 'sql' ? 'SQL' : 'shell'}</Badge>
              {formatCount(group.count, 'time')}
            </span>
          </div>
          <ul className="mt-1 space-y-1">
            {group.runs.map((run) => (
              <li key={`${run.recordingId}:${run.t}`}>
                <RunLink run={run} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** Failed, tried again within minutes, and what finally worked (or that nothing did). */
export function RetryList({ chains }: { chains: RetryChain[] }) {
  return (
    <ol aria-label="Retried after a failure" className={listClass}>
      {chains.map((chain) => {
        const first = chain.failures[0]!;
        return (
          <li key={`${first.recordingId}:${first.t}`} className="py-2">
            <div className="flex items-baseline justify-between gap-3">
              <code className="min-w-0 truncate text-xs">{chain.pattern}</code>
              <span className="shrink-0 text-xs text-zinc-600 dark:text-zinc-400">
                {formatCount(chain.failures.length, { one: 'failed try', other: 'failed tries' })}
              </span>
            </div>
            <ul className="mt-1 space-y-1">
              {chain.failures.map((run) => (
                <li key={`${run.recordingId}:${run.t}`} className="border-l-2 border-red-400 pl-2 dark:border-red-500">
                  <RunLink run={run} detail="failed" />
                </li>
              ))}
              <li className={`border-l-2 pl-2 ${chain.fix ? 'border-emerald-500' : 'border-zinc-300 dark:border-zinc-700'}`}>
                {chain.fix ? <RunLink run={chain.fix} detail="worked" /> : <p className="text-xs text-zinc-500 dark:text-zinc-400">No later try worked.</p>}
              </li>
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

/** Single runs ranked by how long they took, or by rows. */
export function RunList({ runs, label, measure }: { runs: CommandRun[]; label: string; measure: 'duration' | 'rows' }) {
  return (
    <ol aria-label={label} className={listClass}>
      {runs.map((run) => (
        <li key={`${run.recordingId}:${run.t}`} className="flex items-start justify-between gap-3 py-2">
          <div className="min-w-0 flex-1">
            <RunLink run={run} />
          </div>
          <span className="shrink-0 pt-0.5 text-xs font-medium tabular-nums">
            {measure === 'rows'
              ? formatCount(run.rowCount ?? 0, 'row')
              : run.duration !== null && run.duration < 60
                ? formatMilliseconds(run.duration * 1000)
                : formatDuration(run.duration ?? 0)}
          </span>
        </li>
      ))}
    </ol>
  );
}
