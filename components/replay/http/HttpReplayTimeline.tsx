'use client';

import type { HttpExchangeView } from '@/lib/protocol/http-protocol';
import type { ReplayNote } from '@/lib/recording/replay-types';
import { formatClock } from '../replay-format';
import { exchangeOutcome, exchangeTone, TONE_MARK } from './exchange-tone';

const at = (t: number, duration: number) => `${duration > 0 ? Math.min(100, (t / duration) * 100) : 0}%`;

/**
 * The HTTP replay's controls and timeline: previous / next exchange, the clock, a scrubber with
 * a tick per exchange (coloured by its status) and a marker per note.
 */
export function HttpReplayTimeline({
  exchanges,
  notes,
  current,
  time,
  duration,
  onSeek,
}: {
  exchanges: readonly HttpExchangeView[];
  notes: ReplayNote[];
  current: number;
  time: number;
  duration: number;
  onSeek: (t: number) => void;
}) {
  const step = (i: number) => {
    const exchange = exchanges[Math.max(0, Math.min(exchanges.length - 1, i))];
    if (exchange) onSeek(exchange.t);
  };
  const button = 'rounded px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800';
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400">
        <button type="button" onClick={() => step(current - 1)} className={button} aria-label="Previous exchange">
          ◀ Prev
        </button>
        <button type="button" onClick={() => step(current + 1)} className={button} aria-label="Next exchange">
          Next ▶
        </button>
        <span className="font-mono tabular-nums">
          {formatClock(time)} / {formatClock(duration)}
        </span>
      </div>
      <div className="relative mt-2 h-10">
        <input
          type="range"
          min={0}
          max={Math.max(duration, 0.001)}
          step={0.001}
          value={time}
          onChange={(e) => onSeek(Number(e.target.value))}
          aria-label="Replay position"
          className="absolute inset-x-0 top-4 w-full"
        />
        {exchanges.map((exchange, i) => (
          <button
            key={exchange.id}
            type="button"
            onClick={() => onSeek(exchange.t)}
            aria-label={`Exchange ${i + 1} at ${formatClock(exchange.t)}: ${exchange.request.method} ${exchangeOutcome(exchange)}`}
            title={`${exchange.request.method} ${exchange.request.url} → ${exchangeOutcome(exchange)}`}
            data-testid="exchange-marker"
            className={`absolute top-0 h-3 w-1.5 -translate-x-1/2 rounded-sm ${TONE_MARK[exchangeTone(exchange)]} ${i === current ? 'ring-2 ring-indigo-300' : ''}`}
            style={{ left: at(exchange.t, duration) }}
          />
        ))}
        {notes.map((note) => (
          <button
            key={note.id}
            type="button"
            onClick={() => onSeek(note.t)}
            aria-label={`Note at ${formatClock(note.t)}`}
            data-testid="note-marker"
            title={note.body}
            className="absolute bottom-0 h-2.5 w-2.5 -translate-x-1/2 rotate-45 rounded-[2px] bg-sky-500"
            style={{ left: at(note.t, duration) }}
          />
        ))}
      </div>
    </div>
  );
}
