'use client';

import { useState } from 'react';
import { formatBytes } from '@/lib/format/bytes';
import { formatMilliseconds } from '@/lib/format/duration';
import type { HttpExchangeView } from '@/lib/protocol/http-protocol';
import { BodyView, HeadersTable } from './MessageParts';
import { STATUS_TONE_CLASS, statusTone } from './response-body';

export type ExchangeState = 'pending' | 'done' | 'error' | 'cancelled';

const TABS = ['Body', 'Headers', 'Request'] as const;
type Tab = (typeof TABS)[number];

/**
 * One exchange as the gateway recorded it: the response's status (coloured), time and size,
 * its pretty body and headers, and the request as it went (with the credential shown as
 * injected). The console's response pane and the replay's detail pane alike.
 */
export function ExchangePanel({
  exchange,
  state,
  error,
  durationMs,
  onCancel,
  emptyText,
}: {
  exchange?: HttpExchangeView;
  state?: ExchangeState;
  error?: string | null;
  durationMs?: number;
  onCancel?: () => void;
  emptyText: string;
}) {
  const [tab, setTab] = useState<Tab>('Body');
  if (!state) return <p className="p-4 text-sm text-zinc-500 dark:text-zinc-400">{emptyText}</p>;
  if (state === 'pending')
    return (
      <div className="flex items-center gap-3 p-4 text-sm text-zinc-600 dark:text-zinc-300" data-exchange-status="pending" role="status">
        <span aria-hidden className="h-3 w-3 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent" />
        Waiting for the response…
        {onCancel ? (
          <button
            type="button"
            onClick={onCancel}
            className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50 dark:border-red-900 dark:text-red-300"
          >
            Cancel request
          </button>
        ) : null}
      </div>
    );
  const response = exchange?.response ?? null;
  const failure = error ?? exchange?.error ?? (state === 'cancelled' ? 'The session ended before the response came.' : null);
  const time = durationMs ?? exchange?.durationMs;
  return (
    <div className="flex h-full min-h-0 flex-col" data-exchange-status={response ? 'done' : 'error'}>
      <ExchangeSummary response={response} time={time} tab={tab} onTab={setTab} />
      {failure && !response ? (
        <p role="alert" className="border-b border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
          {failure}
        </p>
      ) : null}
      <div role="tabpanel" aria-label={tab} className="min-h-0 flex-1 overflow-auto">
        {tab === 'Body' && response ? <BodyView message={response} contentType={response.contentType} label="Response body" /> : null}
        {tab === 'Headers' && response ? <HeadersTable headers={response.headers} label="Response headers" /> : null}
        {tab !== 'Request' && !response && !failure ? <p className="p-3 text-xs text-zinc-500 dark:text-zinc-400">No response to show.</p> : null}
        {tab === 'Request' && exchange ? <RecordedRequest request={exchange.request} /> : null}
        {tab === 'Request' && !exchange ? <p className="p-3 text-xs text-zinc-500 dark:text-zinc-400">The request was not recorded.</p> : null}
      </div>
    </div>
  );
}

/** The response's status (coloured), time and size, and the tabs for its parts. */
function ExchangeSummary({
  response,
  time,
  tab,
  onTab: setTab,
}: {
  response: HttpExchangeView['response'];
  time: number | undefined;
  tab: Tab;
  onTab: (tab: Tab) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-zinc-200 px-3 py-2 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
      {response ? (
        <span
          data-testid="response-status"
          className={`rounded px-1.5 py-0.5 font-mono text-xs font-semibold ring-1 ${STATUS_TONE_CLASS[statusTone(response.status)]}`}
        >
          {response.status} {response.statusText}
        </span>
      ) : (
        <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${STATUS_TONE_CLASS.server}`}>No response</span>
      )}
      {time !== undefined ? <span title="From sending the request to the end of the response">{formatMilliseconds(time)}</span> : null}
      {response ? <span title="Size of the response body">{formatBytes(response.bodySize)}</span> : null}
      <div role="tablist" aria-label="Exchange parts" className="ml-auto flex gap-1">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => setTab(name)}
            className={`rounded px-2 py-0.5 ${tab === name ? 'bg-zinc-200 font-medium text-zinc-900 dark:bg-zinc-700 dark:text-zinc-100' : 'hover:bg-zinc-100 dark:hover:bg-zinc-800'}`}
          >
            {name === 'Headers' && response ? `Headers ${response.headers.length}` : name}
          </button>
        ))}
      </div>
    </div>
  );
}

function RecordedRequest({ request }: { request: HttpExchangeView['request'] }) {
  return (
    <div>
      <p className="border-b border-zinc-100 px-3 py-2 font-mono text-xs break-all text-zinc-900 dark:border-zinc-800 dark:text-zinc-100">
        <span className="font-semibold">{request.method}</span> {request.url}
      </p>
      <HeadersTable headers={request.headers} label="Request headers" />
      <BodyView message={request} label="Request body" />
    </div>
  );
}
