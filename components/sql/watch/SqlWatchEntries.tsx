'use client';

import { useEffect, useRef } from 'react';
import { formatMilliseconds } from '@/lib/format/duration';
import type { ReplayEntry } from '@/lib/sql/replay-model';
import { formatClock } from '../../replay/replay-format';
import { WatchEmptyState } from '../../sessions/WatchEmptyState';
import { entryKey, entryLook, TONE_MARK, TONE_TEXT } from '../replay/entry-look';

/** How close to the bottom (px) still counts as following the newest statement. */
const FOLLOW_SLACK_PX = 48;

/**
 * The watched console's statements as they run, in the SQL replay's look: time, outcome (rows
 * or command, error, held, decided and by whom), the masked text, and how long it took. The
 * newest is at the bottom; the list follows it unless the auditor scrolled up to read.
 */
export function SqlWatchEntries({ entries, isLive }: { entries: ReplayEntry[]; isLive: boolean }) {
  const listRef = useRef<HTMLDivElement>(null);
  const isFollowing = useRef(true);
  useEffect(() => {
    const list = listRef.current;
    if (list && isFollowing.current) list.scrollTop = list.scrollHeight;
  }, [entries]);

  if (entries.length === 0)
    return (
      <WatchEmptyState
        title="No statements yet"
        isLive={isLive}
        whileLive="Each statement appears here as it runs, with its outcome."
        afterEnd="No statement was run in this session."
      />
    );
  return (
    <div
      ref={listRef}
      onScroll={(event) => {
        const list = event.currentTarget;
        isFollowing.current = list.scrollHeight - list.scrollTop - list.clientHeight < FOLLOW_SLACK_PX;
      }}
      className="max-h-[min(70vh,720px)] overflow-y-auto rounded-md border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <ol aria-label="Statements" aria-live="polite" aria-relevant="additions">
        {entries.map((entry) => (
          <WatchedEntry key={entryKey(entry)} entry={entry} />
        ))}
      </ol>
    </div>
  );
}

function WatchedEntry({ entry }: { entry: ReplayEntry }) {
  const look = entryLook(entry);
  const result = entry.kind === 'statement' ? entry.statement.result : undefined;
  const isRunning = entry.kind === 'statement' && !result;
  const text = entry.kind === 'statement' ? entry.statement.text : entry.text;
  const isStruck = entry.kind === 'denied' || entry.kind === 'withdrawn' || entry.kind === 'blocked';
  return (
    <li
      data-entry-kind={entry.kind}
      data-status={isRunning ? 'running' : 'done'}
      className="relative border-b border-zinc-100 px-3 py-2 text-xs last:border-b-0 dark:border-zinc-800"
    >
      <span aria-hidden className={`absolute inset-y-0 left-0 w-0.5 ${entry.kind === 'statement' && look.tone === 'ok' ? '' : TONE_MARK[look.tone]}`} />
      <span className="flex flex-wrap justify-between gap-x-3 text-[11px] text-zinc-500 dark:text-zinc-400">
        <span className="tabular-nums">{formatClock(entry.t)}</span>
        <span className="flex gap-3">
          <span className={`font-medium ${TONE_TEXT[look.tone]}`}>{isRunning ? 'Running…' : look.label}</span>
          {result ? <span className="tabular-nums">{formatMilliseconds(result.durationMs)}</span> : null}
        </span>
      </span>
      <code className={`mt-0.5 line-clamp-3 block font-mono break-all text-zinc-800 dark:text-zinc-200 ${isStruck ? 'line-through decoration-zinc-400' : ''}`}>
        {text}
      </code>
      {look.detail ? <span className={`mt-0.5 block break-words ${TONE_TEXT[look.tone]}`}>{look.detail}</span> : null}
      {entry.kind === 'statement' && entry.statement.notices?.length ? (
        <span className="mt-0.5 block text-zinc-600 dark:text-zinc-400">{entry.statement.notices.join(' · ')}</span>
      ) : null}
    </li>
  );
}
