'use client';

import { useEffect, useMemo, useState } from 'react';
import { formatCount, formatNumber } from '@/lib/format/count';
import { formatMilliseconds } from '@/lib/format/duration';
import { resultsAt, type ReplayResult, type ReplayRun } from '@/lib/sql/replay-model';
import { QueryMarkedText } from '../../search/MarkedText';
import type { ResultSet } from '../console-model';
import { ResultGrid } from '../ResultGrid';
import { ServerNotices } from '../ResultPanel';

function toResultSet(result: ReplayResult, statement: string): ResultSet {
  const width = result.columns.length;
  const masked = new Set<number>();
  for (let i = 0; i < result.masked.length; i += 2) masked.add(result.masked[i]! * width + result.masked[i + 1]!);
  return {
    index: result.index,
    statement,
    columns: result.columns,
    rows: result.rows,
    masked,
    command: result.command,
    rowCount: result.rowCount,
    durationMs: result.durationMs,
    isTruncated: result.isTruncated,
    error: result.error ?? undefined,
  };
}

/** The run's verdict under the editor, with its decision once the replay has reached it. */
function VerdictLine({ run, time }: { run: ReplayRun; time: number }) {
  if (!run.verdict) return null;
  const isBlock = run.verdict.action === 'block';
  const review = run.review && run.review.t <= time ? run.review : undefined;
  const status = review ? (review.status === 'cancelled' ? 'withdrawn' : review.status) : undefined;
  return (
    <p
      className={`border-t px-3 py-1.5 text-xs ${isBlock ? 'border-red-200 text-red-700 dark:border-red-900 dark:text-red-300' : 'border-amber-200 text-amber-800 dark:border-amber-900 dark:text-amber-300'}`}
    >
      {isBlock ? 'Blocked' : 'Held for review'}: {run.verdict.reason}
      {review ? ` — ${status}${review.decider ? ` by ${review.decider}` : ''}${review.comment ? `: ${review.comment}` : ''}` : ''}
    </p>
  );
}

/** The screen at the replay's moment: the editor text as it was and the results that had arrived. */
export function SqlReplayMoment({ run, time, highlight }: { run: ReplayRun | undefined; time: number; highlight?: string }) {
  const [activeResult, setActiveResult] = useState(0);
  const results = useMemo(() => (run ? resultsAt(run, time) : []), [run, time]);
  const shown = results[Math.min(activeResult, results.length - 1)];
  const statement = shown ? run?.statements.find((s) => s.index === shown.index) : undefined;
  const set = useMemo(() => (shown ? toResultSet(shown, statement?.text ?? '') : undefined), [shown, statement]);
  useEffect(() => setActiveResult(Math.max(0, results.length - 1)), [run?.id, results.length]);
  const card = 'rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900';

  return (
    <div className="min-w-0 space-y-3">
      <section aria-label="Editor at this moment" className={card}>
        <h3 className="border-b border-zinc-200 px-3 py-1.5 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">Editor</h3>
        <pre className="max-h-48 overflow-auto p-3 font-mono text-xs text-zinc-900 dark:text-zinc-100" data-testid="replay-editor">
          <QueryMarkedText text={run?.editor ?? ''} query={highlight} />
        </pre>
        {run ? <VerdictLine run={run} time={time} /> : null}
      </section>
      <section aria-label="Result at this moment" className={card}>
        <div className="flex flex-wrap items-center gap-1 border-b border-zinc-200 px-2 py-1 text-xs dark:border-zinc-800">
          {results.map((r, i) => (
            <button
              key={r.index}
              type="button"
              aria-pressed={i === activeResult}
              onClick={() => setActiveResult(i)}
              className={`rounded px-2 py-0.5 ${i === activeResult ? 'bg-zinc-200 dark:bg-zinc-800' : ''}`}
            >
              Result {r.index + 1}
            </button>
          ))}
          {shown ? (
            <span className="ml-auto text-zinc-500 dark:text-zinc-400">
              {shown.error ? 'Failed' : shown.columns.length > 0 ? formatCount(shown.rowCount ?? shown.rows.length, 'row') : shown.command} ·{' '}
              {formatMilliseconds(shown.durationMs)}
              {shown.omittedRows > 0 ? ` · first ${formatNumber(shown.rows.length)} kept in the recording` : ''}
            </span>
          ) : (
            <span className="text-zinc-500 dark:text-zinc-400">No result at this moment.</span>
          )}
        </div>
        {shown?.error ? (
          <p className="px-3 py-2 font-mono text-xs text-red-700 dark:text-red-300">
            <QueryMarkedText text={shown.error.message} query={highlight} />
          </p>
        ) : null}
        {statement?.notices?.length ? <ServerNotices notices={statement.notices} /> : null}
        <div className="h-72">{set && set.columns.length > 0 ? <ResultGrid set={set} version={0} /> : null}</div>
      </section>
    </div>
  );
}
