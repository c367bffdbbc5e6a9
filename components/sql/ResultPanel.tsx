'use client';

import { useCallback, useEffect, useState } from 'react';
import { formatCount } from '@/lib/format/count';
import { formatMilliseconds } from '@/lib/format/duration';
import { resultToCsv, statementsNotRun, type ResultSet, type RunState } from './console-model';
import { ResultGrid, type CellPosition } from './ResultGrid';

function summary(set: ResultSet): string {
  if (set.error) return set.error.code === 'cancelled' ? 'Cancelled' : 'Failed';
  if (set.columns.length > 0) {
    const count = set.rows.length;
    return `${formatCount(count, 'row')}${set.command === undefined ? '…' : ''}`;
  }
  if (set.command === undefined) return 'Running…';
  return set.rowCount === null || set.rowCount === undefined ? set.command : `${set.command} · ${formatCount(set.rowCount, 'row')} affected`;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The results of one run: a tab per statement, the grid, and what happened in words. */
export function ResultPanel({
  run,
  version,
  rowCap,
  onCancel,
  isOver = false,
}: {
  run: RunState | undefined;
  version: number;
  rowCap: number;
  onCancel: (id: string) => void;
  /** The session has ended: nothing more can run here (the banner below says what next). */
  isOver?: boolean;
}) {
  const [active, setActive] = useState(0);
  const [cell, setCell] = useState<CellPosition>();
  const onSelect = useCallback((next: CellPosition | undefined) => setCell(next), []);
  const results = run?.results ?? [];
  // A new run shows its last result set (the one most likely wanted), or its error.
  useEffect(() => setActive(Math.max(0, (run?.results.length ?? 1) - 1)), [run?.id, run?.results.length]);

  if (!run && isOver) {
    return (
      <div className="flex h-full items-center justify-center text-sm text-zinc-500" data-run-status="none">
        This session has ended: open a new console below to run statements.
      </div>
    );
  }
  if (!run) {
    return (
      <div className="flex h-full items-center justify-center text-sm text-zinc-500" data-run-status="none">
        Write a query and press <kbd className="mx-1 rounded border border-zinc-300 px-1 font-mono text-xs dark:border-zinc-700">Ctrl</kbd>+
        <kbd className="mx-1 rounded border border-zinc-300 px-1 font-mono text-xs dark:border-zinc-700">Enter</kbd> to run the statement under the cursor.
      </div>
    );
  }
  const set = results[Math.min(active, results.length - 1)];

  return (
    <div className="flex h-full min-h-0 flex-col" data-run-status={run.status} data-run-id={run.id}>
      <div className="flex h-9 shrink-0 items-center gap-1 border-b border-zinc-200 px-2 text-xs dark:border-zinc-800">
        <ResultTabs results={results} active={active} onActive={setActive} />
        <ResultActions run={run} set={set} cell={cell} onCancel={onCancel} />
      </div>
      <RunNotice run={run} set={set} rowCap={rowCap} />
      {set?.notices?.length ? <ServerNotices notices={set.notices} /> : null}
      <div className="min-h-0 flex-1">
        {set && set.columns.length > 0 ? <ResultGrid set={set} version={version} onSelect={onSelect} /> : <Placeholder run={run} set={set} />}
      </div>
    </div>
  );
}

/** A tab per result set of the run, with a dot for its state (running, done, failed). */
function ResultTabs({ results, active, onActive }: { results: ResultSet[]; active: number; onActive: (index: number) => void }) {
  return (
    <div role="tablist" aria-label="Result sets" className="flex min-w-0 items-center gap-1 overflow-x-auto">
      {results.map((r, i) => (
        <button
          key={r.index}
          role="tab"
          type="button"
          aria-selected={i === active}
          onClick={() => onActive(i)}
          className={`flex shrink-0 items-center gap-1.5 rounded px-2 py-1 ${i === active ? 'bg-zinc-200 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100' : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-900'}`}
        >
          <span
            className={`h-1.5 w-1.5 rounded-full ${r.error ? 'bg-red-500' : r.command === undefined ? 'animate-pulse bg-indigo-500' : 'bg-emerald-500'}`}
            aria-hidden
          />
          Result {r.index + 1}
        </button>
      ))}
    </div>
  );
}

/** The shown result's summary and time; copy the selected cell or row, export CSV; cancel a running or withdraw a held run. */
function ResultActions({
  run,
  set,
  cell,
  onCancel,
}: {
  run: RunState;
  set: ResultSet | undefined;
  cell: CellPosition | undefined;
  onCancel: (id: string) => void;
}) {
  const isRunning = run.status === 'running';
  return (
    <div className="ml-auto flex shrink-0 items-center gap-3 text-zinc-600 dark:text-zinc-400">
      {set ? <span data-testid="result-summary">{summary(set)}</span> : null}
      {set?.durationMs !== undefined ? <span className="tabular-nums">{formatMilliseconds(set.durationMs)}</span> : null}
      {set && set.columns.length > 0 && set.rows.length > 0 ? (
        <>
          {cell ? (
            <>
              <button
                type="button"
                className="rounded px-1.5 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
                onClick={() => void navigator.clipboard?.writeText(set.rows[cell.row]?.[cell.column] ?? 'NULL')}
              >
                Copy cell
              </button>
              <button
                type="button"
                className="rounded px-1.5 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
                onClick={() => void navigator.clipboard?.writeText((set.rows[cell.row] ?? []).map((v) => v ?? 'NULL').join('\t'))}
              >
                Copy row
              </button>
            </>
          ) : null}
          <button
            type="button"
            className="rounded px-1.5 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            onClick={() => download(`result-${run.id}-${set.index + 1}.csv`, resultToCsv(set))}
          >
            Export CSV
          </button>
        </>
      ) : null}
      {isRunning ? (
        <button type="button" onClick={() => onCancel(run.id)} className="rounded bg-red-600 px-2 py-0.5 font-medium text-white hover:bg-red-500">
          Cancel
        </button>
      ) : null}
      {run.status === 'held' ? (
        <button
          type="button"
          onClick={() => onCancel(run.id)}
          className="rounded border border-zinc-300 px-2 py-0.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Withdraw
        </button>
      ) : null}
    </div>
  );
}

/** What the server said beside the result (`RAISE NOTICE`), as psql prints it. */
export function ServerNotices({ notices }: { notices: readonly string[] }) {
  return (
    <ul
      aria-label="Server notices"
      className="max-h-24 shrink-0 overflow-y-auto border-b border-zinc-200 bg-zinc-50 px-3 py-1 font-mono text-xs text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
    >
      {notices.map((notice, i) => (
        <li key={i} className="whitespace-pre-wrap">
          {notice}
        </li>
      ))}
    </ul>
  );
}

function Placeholder({ run, set }: { run: RunState; set: ResultSet | undefined }) {
  if (run.status === 'running' && !set) return <div className="p-4 text-sm text-zinc-500">Running…</div>;
  if (set && !set.error && set.columns.length === 0 && set.command !== undefined) {
    return <div className="p-4 text-sm text-zinc-600 dark:text-zinc-400">{summary(set)}.</div>;
  }
  return null;
}

function RunNotice({ run, set, rowCap }: { run: RunState; set: ResultSet | undefined; rowCap: number }) {
  if (run.status === 'held') {
    return (
      <div
        role="status"
        className="border-b border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
      >
        <strong className="font-semibold">Waiting for review.</strong> {run.reason} It runs here as soon as an approver says yes.
      </div>
    );
  }
  if (run.status === 'blocked') {
    return (
      <div role="alert" className="border-b border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300">
        <strong className="font-semibold">Blocked.</strong> {run.reason}
      </div>
    );
  }
  if (run.status === 'denied' && run.review) {
    return (
      <div role="alert" className="border-b border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300">
        <strong className="font-semibold">
          {run.review.status === 'denied' ? `Denied${run.review.decider ? ` by ${run.review.decider}` : ''}.` : 'The review was cancelled.'}
        </strong>{' '}
        {run.review.comment ?? ''} Nothing was run.
      </div>
    );
  }
  const notRun = statementsNotRun(run);
  if (set?.error) {
    return (
      <div role="alert" className="border-b border-red-200 bg-red-50 px-3 py-2 text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300">
        <p className="font-mono text-xs whitespace-pre-wrap">{set.error.message}</p>
        {notRun ? (
          <p className="mt-1 text-xs" data-testid="not-run">
            The script stopped here. {notRun}
          </p>
        ) : null}
      </div>
    );
  }
  if (notRun) {
    return (
      <div
        role="status"
        className="border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
        data-testid="not-run"
      >
        {run.status === 'cancelled' ? 'Cancelled.' : 'The script stopped at a statement that failed.'} {notRun}
      </div>
    );
  }
  if (set?.isTruncated) {
    return (
      <div
        role="status"
        className="border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
      >
        Truncated: showing the first {formatCount(rowCap, 'row')}, the row limit of this resource. Add a LIMIT or a narrower WHERE to see the rest.
      </div>
    );
  }
  if (run.review?.status === 'approved') {
    return (
      <div
        role="status"
        className="border-b border-emerald-200 bg-emerald-50 px-3 py-1.5 text-xs text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200"
      >
        Approved{run.review.decider ? ` by ${run.review.decider}` : ''}
        {run.review.comment ? `: ${run.review.comment}` : '.'}
      </div>
    );
  }
  return null;
}
