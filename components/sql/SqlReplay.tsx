'use client';

import { useEffect, useMemo, useState } from 'react';
import { formatCount, formatNumber } from '@/lib/format/count';
import { formatMilliseconds } from '@/lib/format/duration';
import type { EventsResponse } from '@/lib/recording/replay-types';
import { hitSeekTime } from '../replay/find-bar-state';
import { QueryMarkedText } from '../search/MarkedText';
import type { ResultSet } from './console-model';
import { buildReplayModel, resultsAt, runAt, toSqlScript, type ReplayResult, type SqlReplayModel } from './replay-model';
import { ResultGrid } from './ResultGrid';
import { ServerNotices } from './ResultPanel';
import { SaveSnippetButton } from '../snippets/SaveSnippetButton';

function clock(t: number): string {
  const s = Math.max(0, Math.floor(t));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

async function loadEvents(recordingId: string, duration: number, signal: AbortSignal): Promise<[number, string, string][]> {
  const events: [number, string, string][] = [];
  let from: number | null = 0;
  while (from !== null) {
    const response = await fetch(`/api/v1/recordings/${recordingId}/events?from=${from}&to=${duration + 1}`, { credentials: 'same-origin', signal });
    if (!response.ok) throw new Error(`Could not load the recording (HTTP ${response.status}).`);
    const page = (await response.json()) as EventsResponse;
    events.push(...page.events);
    from = page.nextFrom;
  }
  return events;
}

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

/**
 * Replay of a SQL console session: a timeline with one marker per statement, the statement
 * list, and at the chosen moment the editor text and the result grids as they were.
 * `highlight` (a search hit's query) is marked in the statements, the editor and errors.
 */
export default function SqlReplay({
  recordingId,
  duration,
  initialTime = 0,
  highlight,
  title,
}: {
  recordingId: string;
  duration: number;
  initialTime?: number;
  highlight?: string;
  title: string;
}) {
  const [model, setModel] = useState<SqlReplayModel>();
  const [error, setError] = useState<string>();
  // A hit's link rounds its moment down: open just past it, so its statement is shown.
  const [time, setTime] = useState(highlight?.trim() ? Math.min(duration, hitSeekTime({ t: initialTime })) : initialTime);
  const [activeResult, setActiveResult] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    loadEvents(recordingId, duration, abort.signal).then(
      (events) => setModel(buildReplayModel(events)),
      (e: unknown) => !abort.signal.aborted && setError(e instanceof Error ? e.message : 'Could not load the recording.'),
    );
    return () => abort.abort();
  }, [recordingId, duration]);

  const run = model ? runAt(model, time) : undefined;
  const results = useMemo(() => (run ? resultsAt(run, time) : []), [run, time]);
  const shown = results[Math.min(activeResult, results.length - 1)];
  const set = useMemo(() => (shown ? toResultSet(shown, run?.statements.find((s) => s.index === shown.index)?.text ?? '') : undefined), [shown, run]);
  const shownNotices = shown ? run?.statements.find((s) => s.index === shown.index)?.notices : undefined;
  useEffect(() => setActiveResult(Math.max(0, results.length - 1)), [run?.id, results.length]);

  if (error)
    return (
      <p role="alert" className="text-sm text-red-600">
        {error}
      </p>
    );
  if (!model)
    return (
      <p className="text-sm text-zinc-500" data-status="loading">
        Loading the recording…
      </p>
    );
  const statements = model.statements;
  const seekToStatement = (i: number) => {
    const statement = statements[i];
    if (statement) setTime(statement.result?.t ?? statement.t);
  };
  const current = statements.reduce((found, s, i) => (s.t <= time + 1e-9 ? i : found), -1);

  const exportSql = () => {
    const url = URL.createObjectURL(new Blob([toSqlScript(model, title)], { type: 'application/sql' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `recording-${recordingId}.sql`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="space-y-3" data-status="ready" data-replay-time={time.toFixed(3)}>
      <div className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400">
          <button
            type="button"
            onClick={() => seekToStatement(Math.max(0, current - 1))}
            className="rounded px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            aria-label="Previous statement"
          >
            ◀ Prev
          </button>
          <button
            type="button"
            onClick={() => seekToStatement(Math.min(statements.length - 1, current + 1))}
            className="rounded px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            aria-label="Next statement"
          >
            Next ▶
          </button>
          <span className="font-mono tabular-nums">
            {clock(time)} / {clock(duration)}
          </span>
          <button type="button" onClick={exportSql} className="ml-auto rounded px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">
            Export .sql
          </button>
        </div>
        <div className="relative mt-2 h-8">
          <input
            type="range"
            min={0}
            max={Math.max(duration, 0.001)}
            step={0.001}
            value={time}
            onChange={(e) => setTime(Number(e.target.value))}
            aria-label="Replay position"
            className="absolute inset-x-0 top-4 w-full"
          />
          {statements.map((s, i) => (
            <button
              key={`${s.runId}:${s.index}`}
              type="button"
              onClick={() => seekToStatement(i)}
              aria-label={`Statement ${i + 1} at ${clock(s.t)}`}
              title={s.text}
              className={`absolute top-0 h-3 w-1.5 -translate-x-1/2 rounded-sm ${s.result?.error ? 'bg-red-500' : 'bg-indigo-500'} ${i === current ? 'ring-2 ring-indigo-300' : ''}`}
              style={{ left: `${duration > 0 ? (s.t / duration) * 100 : 0}%` }}
            />
          ))}
        </div>
      </div>
      <div className="grid gap-3 lg:grid-cols-[18rem_1fr]">
        <section
          aria-label="Statements"
          className="max-h-[32rem] overflow-y-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
        >
          {statements.length === 0 ? <p className="p-3 text-sm text-zinc-500">No statement was run in this session.</p> : null}
          <ol>
            {statements.map((s, i) => (
              <li
                key={`${s.runId}:${s.index}`}
                className={`flex items-start border-b border-zinc-100 pr-1 dark:border-zinc-800 ${i === current ? 'bg-indigo-50 dark:bg-indigo-950/40' : ''}`}
              >
                <button
                  type="button"
                  onClick={() => seekToStatement(i)}
                  aria-current={i === current ? 'step' : undefined}
                  className="block min-w-0 flex-1 px-3 py-2 text-left text-xs hover:bg-zinc-50 dark:hover:bg-zinc-800"
                >
                  <span className="flex justify-between text-[11px] text-zinc-500">
                    <span>{clock(s.t)}</span>
                    <span className={s.result?.error ? 'text-red-600 dark:text-red-400' : ''}>
                      {s.result
                        ? s.result.error
                          ? 'failed'
                          : s.result.columns.length > 0
                            ? formatCount(s.result.rowCount ?? s.result.rows.length, 'row')
                            : s.result.command
                        : '…'}
                    </span>
                  </span>
                  <code className="line-clamp-2 font-mono break-all text-zinc-800 dark:text-zinc-200">
                    <QueryMarkedText text={s.text} query={highlight} />
                  </code>
                </button>
                <span className="pt-1.5">
                  <SaveSnippetButton look="icon" text={s.text} kind="sql" recordingId={recordingId} t={s.t} />
                </span>
              </li>
            ))}
          </ol>
        </section>
        <div className="min-w-0 space-y-3">
          <section aria-label="Editor at this moment" className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
            <h3 className="border-b border-zinc-200 px-3 py-1.5 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">Editor</h3>
            <pre className="max-h-48 overflow-auto p-3 font-mono text-xs text-zinc-900 dark:text-zinc-100" data-testid="replay-editor">
              <QueryMarkedText text={run?.editor ?? ''} query={highlight} />
            </pre>
            {run?.verdict ? (
              <p
                className={`border-t px-3 py-1.5 text-xs ${run.verdict.action === 'block' ? 'border-red-200 text-red-700 dark:border-red-900 dark:text-red-300' : 'border-amber-200 text-amber-800 dark:border-amber-900 dark:text-amber-300'}`}
              >
                {run.verdict.action === 'block' ? 'Blocked' : 'Held for review'}: {run.verdict.reason}
                {run.review && run.review.t <= time
                  ? ` — ${run.review.status}${run.review.decider ? ` by ${run.review.decider}` : ''}${run.review.comment ? `: ${run.review.comment}` : ''}`
                  : ''}
              </p>
            ) : null}
          </section>
          <section aria-label="Result at this moment" className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
            <div className="flex items-center gap-1 border-b border-zinc-200 px-2 py-1 text-xs dark:border-zinc-800">
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
                <span className="ml-auto text-zinc-500">
                  {shown.error ? 'Failed' : shown.columns.length > 0 ? formatCount(shown.rowCount ?? shown.rows.length, 'row') : shown.command} ·{' '}
                  {formatMilliseconds(shown.durationMs)}
                  {shown.omittedRows > 0 ? ` · first ${formatNumber(shown.rows.length)} kept in the recording` : ''}
                </span>
              ) : (
                <span className="text-zinc-500">No result at this moment.</span>
              )}
            </div>
            {shown?.error ? (
              <p className="px-3 py-2 font-mono text-xs text-red-700 dark:text-red-300">
                <QueryMarkedText text={shown.error.message} query={highlight} />
              </p>
            ) : null}
            {shownNotices?.length ? <ServerNotices notices={shownNotices} /> : null}
            <div className="h-72">{set && set.columns.length > 0 ? <ResultGrid set={set} version={0} /> : null}</div>
          </section>
        </div>
      </div>
    </div>
  );
}
