'use client';

import { formatMilliseconds } from '@/lib/format/duration';
import { pathWithQuery, requestFromDraft } from './request-draft';
import { STATUS_TONE_CLASS, statusTone } from './response-body';
import type { HttpEntry } from './use-http-console';

const OUTCOME: Record<HttpEntry['status'], string> = { pending: 'Sending…', done: '', error: 'Failed', cancelled: 'No response' };

/** This session's requests, newest first: select one to see its response again, or load it back into the editor. */
export function ExchangeHistory({
  entries,
  selectedId,
  onSelect,
  onLoad,
}: {
  entries: HttpEntry[];
  selectedId?: string;
  onSelect: (id: string) => void;
  onLoad: (entry: HttpEntry) => void;
}) {
  return (
    <aside aria-label="Request history" className="flex min-h-0 flex-col border-zinc-200 lg:w-72 lg:shrink-0 lg:border-l dark:border-zinc-800">
      <h2 className="flex h-9 shrink-0 items-center border-y border-zinc-200 px-3 text-xs font-semibold text-zinc-700 lg:border-t-0 dark:border-zinc-800 dark:text-zinc-300">
        History
      </h2>
      {entries.length === 0 ? (
        <p className="p-3 text-xs text-zinc-500 dark:text-zinc-400">Requests you send in this session appear here. Select one to see its response again.</p>
      ) : (
        <ol className="min-h-0 flex-1 overflow-y-auto">
          {[...entries].reverse().map((entry) => {
            const request = requestFromDraft(entry.draft);
            const status = entry.exchange?.response?.status;
            return (
              <li
                key={entry.id}
                data-exchange-status={entry.status}
                className={`border-b border-zinc-100 dark:border-zinc-900 ${entry.id === selectedId ? 'bg-indigo-50 dark:bg-indigo-950/40' : ''}`}
              >
                <button type="button" onClick={() => onSelect(entry.id)} className="block w-full px-3 py-2 text-left hover:bg-zinc-50 dark:hover:bg-zinc-900">
                  <span className="flex items-baseline gap-2 font-mono text-xs">
                    <span className="font-semibold text-zinc-900 dark:text-zinc-100">{request.method}</span>
                    <span className="min-w-0 truncate text-zinc-700 dark:text-zinc-300">
                      {entry.exchange?.request.url ?? pathWithQuery(request.path, request.query)}
                    </span>
                  </span>
                  <span className="mt-1 flex items-center gap-2 text-[11px] text-zinc-600 dark:text-zinc-400">
                    {status ? (
                      <span className={`rounded px-1 font-mono font-semibold ring-1 ${STATUS_TONE_CLASS[statusTone(status)]}`}>{status}</span>
                    ) : (
                      <span className={entry.status === 'pending' ? 'text-indigo-600 dark:text-indigo-400' : 'text-red-600 dark:text-red-400'}>
                        {OUTCOME[entry.status]}
                      </span>
                    )}
                    {entry.durationMs !== undefined ? <span>{formatMilliseconds(entry.durationMs)}</span> : null}
                    <time className="ml-auto" dateTime={new Date(entry.sentAt).toISOString()} title={new Date(entry.sentAt).toLocaleString()}>
                      {new Date(entry.sentAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
                    </time>
                  </span>
                </button>
                <button type="button" onClick={() => onLoad(entry)} className="mb-1 ml-3 text-[11px] text-indigo-700 hover:underline dark:text-indigo-300">
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
