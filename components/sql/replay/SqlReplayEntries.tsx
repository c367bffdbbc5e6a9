'use client';

import { useEffect, useRef } from 'react';
import type { ReplayEntry } from '@/lib/sql/replay-model';
import { formatClock } from '../../replay/replay-format';
import { QueryMarkedText } from '../../search/MarkedText';
import { SaveSnippetButton } from '../../snippets/SaveSnippetButton';
import { entryKey, entryLook, entrySeekTime, TONE_MARK, TONE_TEXT } from './entry-look';

/**
 * The SQL replay's statement list: statements that ran and the moments of held ones (held,
 * blocked, approved, denied, withdrawn, with reason, decider and comment), in time order; the
 * current one highlighted, click to jump. `highlight` (a search hit's query) is marked.
 */
export function SqlReplayEntries({
  entries,
  current,
  highlight,
  recordingId,
  onSeek,
}: {
  entries: ReplayEntry[];
  current: number;
  highlight?: string;
  recordingId: string;
  onSeek: (t: number) => void;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  if (entries.length === 0) return <p className="p-3 text-sm text-zinc-500 dark:text-zinc-400">No statement was run in this session.</p>;
  return (
    <ol ref={listRef} aria-label="Statements">
      {entries.map((entry, i) => {
        const look = entryLook(entry);
        const text = entry.kind === 'statement' ? entry.statement.text : entry.text;
        return (
          <li
            key={entryKey(entry)}
            data-entry-kind={entry.kind}
            className={`relative flex items-start border-b border-zinc-100 pr-1 dark:border-zinc-800 ${i === current ? 'bg-indigo-50 dark:bg-indigo-950/40' : ''}`}
          >
            <span aria-hidden className={`absolute inset-y-0 left-0 w-0.5 ${entry.kind === 'statement' && look.tone === 'ok' ? '' : TONE_MARK[look.tone]}`} />
            <button
              type="button"
              onClick={() => onSeek(entrySeekTime(entry))}
              aria-current={i === current ? 'step' : undefined}
              className="block min-w-0 flex-1 px-3 py-2 text-left text-xs hover:bg-zinc-50 dark:hover:bg-zinc-800"
            >
              <span className="flex justify-between gap-2 text-[11px] text-zinc-500 dark:text-zinc-400">
                <span className="tabular-nums">{formatClock(entry.t)}</span>
                <span className={`truncate font-medium ${TONE_TEXT[look.tone]}`}>{look.label}</span>
              </span>
              <code
                className={`line-clamp-2 font-mono break-all text-zinc-800 dark:text-zinc-200 ${entry.kind === 'denied' || entry.kind === 'withdrawn' || entry.kind === 'blocked' ? 'line-through decoration-zinc-400' : ''}`}
              >
                <QueryMarkedText text={text} query={highlight} />
              </code>
              {look.detail && entry.kind !== 'statement' ? <span className={`mt-0.5 block ${TONE_TEXT[look.tone]}`}>{look.detail}</span> : null}
            </button>
            {entry.kind === 'statement' ? (
              <span className="pt-1.5">
                <SaveSnippetButton look="icon" text={text} kind="sql" recordingId={recordingId} t={entry.t} />
              </span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
