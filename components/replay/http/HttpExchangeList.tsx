'use client';

import { useEffect, useRef } from 'react';
import { formatBytes } from '@/lib/format/bytes';
import { formatMilliseconds } from '@/lib/format/duration';
import type { HttpExchangeView } from '@/lib/protocol/http-protocol';
import { STATUS_TONE_CLASS } from '../../http/response-body';
import { QueryMarkedText } from '../../search/MarkedText';
import { formatClock } from '../replay-format';
import { exchangeOutcome, exchangeTone, liveExchangeOutcome, liveExchangeTone } from './exchange-tone';

/**
 * The HTTP replay's (and a live watch's) exchanges in the order they were sent: method, path,
 * status, time and response size; the current one highlighted, click to jump (or pick it).
 * `highlight` (a search hit's query) is marked.
 */
export function HttpExchangeList({
  exchanges,
  current,
  highlight,
  onSeek,
  emptyText = 'No request was sent in this session.',
  isLive = false,
}: {
  exchanges: readonly HttpExchangeView[];
  current: number;
  highlight?: string;
  onSeek: (t: number, index: number) => void;
  emptyText?: string;
  /** Watching a live console: an exchange without its answer yet is pending, not unanswered. */
  isLive?: boolean;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  if (exchanges.length === 0) return <p className="p-3 text-sm text-zinc-500 dark:text-zinc-400">{emptyText}</p>;
  return (
    <ol ref={listRef} aria-label="Exchanges" aria-live={isLive ? 'polite' : undefined} aria-relevant={isLive ? 'additions' : undefined}>
      {exchanges.map((exchange, i) => (
        <li key={exchange.id} className={`border-b border-zinc-100 dark:border-zinc-800 ${i === current ? 'bg-indigo-50 dark:bg-indigo-950/40' : ''}`}>
          <button
            type="button"
            onClick={() => onSeek(exchange.t, i)}
            aria-current={i === current ? 'step' : undefined}
            className="block w-full px-3 py-2 text-left text-xs hover:bg-zinc-50 dark:hover:bg-zinc-800"
          >
            <span className="flex items-center gap-2 text-[11px] text-zinc-600 dark:text-zinc-400">
              <span className="tabular-nums">{formatClock(exchange.t)}</span>
              <span className={`rounded px-1 font-mono font-semibold ring-1 ${STATUS_TONE_CLASS[(isLive ? liveExchangeTone : exchangeTone)(exchange)]}`}>
                {(isLive ? liveExchangeOutcome : exchangeOutcome)(exchange)}
              </span>
              {exchange.response ? <span className="ml-auto tabular-nums">{formatBytes(exchange.response.bodySize)}</span> : null}
              <span className={`tabular-nums ${exchange.response ? '' : 'ml-auto'}`}>{formatMilliseconds(exchange.durationMs)}</span>
            </span>
            <code className="mt-0.5 line-clamp-2 font-mono break-all text-zinc-800 dark:text-zinc-200">
              <span className="font-semibold">{exchange.request.method}</span> <QueryMarkedText text={exchange.request.url} query={highlight} />
            </code>
          </button>
        </li>
      ))}
    </ol>
  );
}
