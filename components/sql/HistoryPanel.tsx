'use client';

import { formatCount } from '@/lib/format/count';
import type { RunState, RunStatus } from './console-model';

const STATUS: Record<RunStatus, { label: string; className: string }> = {
  running: { label: 'Running', className: 'text-indigo-600 dark:text-indigo-400' },
  held: { label: 'Waiting for review', className: 'text-amber-700 dark:text-amber-300' },
  blocked: { label: 'Blocked', className: 'text-red-600 dark:text-red-400' },
  denied: { label: 'Denied', className: 'text-red-600 dark:text-red-400' },
  ok: { label: 'Done', className: 'text-emerald-700 dark:text-emerald-400' },
  error: { label: 'Failed', className: 'text-red-600 dark:text-red-400' },
  cancelled: { label: 'Cancelled', className: 'text-zinc-500' },
};

/** This session's runs, newest first: select one to see its results, load it back into the editor. */
export function HistoryPanel({
  runs,
  version,
  selectedId,
  onSelect,
  onLoad,
}: {
  runs: readonly RunState[];
  version: number;
  selectedId?: string;
  onSelect: (id: string) => void;
  onLoad: (script: string) => void;
}) {
  return (
    <aside aria-label="Query history" data-version={version} className="hidden w-72 shrink-0 flex-col border-l border-zinc-200 lg:flex dark:border-zinc-800">
      <h2 className="flex h-9 shrink-0 items-center border-b border-zinc-200 px-3 text-xs font-semibold text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
        History
      </h2>
      {runs.length === 0 ? (
        <p className="p-3 text-xs text-zinc-500">Statements you run in this session appear here. Select one to see its result again.</p>
      ) : (
        <ol className="min-h-0 flex-1 overflow-y-auto">
          {[...runs].reverse().map((run) => {
            const status = STATUS[run.status];
            const rows = run.results.reduce((sum, r) => sum + (r.columns.length > 0 ? r.rows.length : 0), 0);
            return (
              <li key={run.id} className={`border-b border-zinc-100 dark:border-zinc-900 ${run.id === selectedId ? 'bg-indigo-50 dark:bg-indigo-950/40' : ''}`}>
                <button type="button" onClick={() => onSelect(run.id)} className="block w-full px-3 py-2 text-left hover:bg-zinc-50 dark:hover:bg-zinc-900">
                  <code className="line-clamp-2 font-mono text-xs break-all text-zinc-800 dark:text-zinc-200">{run.script}</code>
                  <span className="mt-1 flex gap-2 text-[11px]">
                    <span className={status.className}>{status.label}</span>
                    {rows > 0 ? <span className="text-zinc-600 dark:text-zinc-400">{formatCount(rows, 'row')}</span> : null}
                    <time
                      className="ml-auto text-zinc-600 dark:text-zinc-400"
                      dateTime={new Date(run.startedAt).toISOString()}
                      title={new Date(run.startedAt).toLocaleString()}
                    >
                      {new Date(run.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
                    </time>
                  </span>
                </button>
                <button type="button" onClick={() => onLoad(run.script)} className="mb-1 ml-3 text-[11px] text-indigo-600 hover:underline dark:text-indigo-400">
                  Load into editor
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </aside>
  );
}
