'use client';

import type { ReplayNote } from '@/lib/recording/replay-types';
import type { ReplayEntry } from '@/lib/sql/replay-model';
import { formatClock } from '../../replay/replay-format';
import { entryKey, entryLook, entrySeekTime, TONE_MARK } from './entry-look';

const at = (t: number, duration: number) => `${duration > 0 ? Math.min(100, (t / duration) * 100) : 0}%`;

/**
 * The SQL replay's controls and timeline: previous / next entry, the clock, a scrubber with a
 * tick per statement or review moment (coloured as in the list) and a marker per note.
 */
export function SqlReplayTimeline({
  entries,
  notes,
  current,
  time,
  duration,
  onSeek,
}: {
  entries: ReplayEntry[];
  notes: ReplayNote[];
  current: number;
  time: number;
  duration: number;
  onSeek: (t: number) => void;
}) {
  const step = (i: number) => {
    const entry = entries[Math.max(0, Math.min(entries.length - 1, i))];
    if (entry) onSeek(entrySeekTime(entry));
  };
  const button = 'rounded px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800';
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400">
        <button type="button" onClick={() => step(current - 1)} className={button} aria-label="Previous statement">
          ◀ Prev
        </button>
        <button type="button" onClick={() => step(current + 1)} className={button} aria-label="Next statement">
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
        {entries.map((entry, i) => {
          const look = entryLook(entry);
          const what = entry.kind === 'statement' ? `Statement ${entry.number}` : look.label;
          return (
            <button
              key={entryKey(entry)}
              type="button"
              onClick={() => onSeek(entrySeekTime(entry))}
              aria-label={`${what} at ${formatClock(entry.t)}`}
              title={`${look.label}${look.detail ? `: ${look.detail}` : ''}\n${entry.kind === 'statement' ? entry.statement.text : entry.text}`}
              className={`absolute top-0 h-3 w-1.5 -translate-x-1/2 rounded-sm ${TONE_MARK[look.tone]} ${i === current ? 'ring-2 ring-indigo-300' : ''}`}
              style={{ left: at(entry.t, duration) }}
            />
          );
        })}
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
