'use client';

import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { formatCount, formatNumber } from '@/lib/format/count';
import type { TerminalFind } from './use-terminal-session';
import type { FindResults } from './xterm-terminal';

const MATCH = { one: 'match', other: 'matches' };

function resultText(query: string, results: FindResults | undefined): string {
  if (!query) return '';
  if (!results || results.count === 0) return 'No matches';
  // Past the highlight limit the addon does not say which match is active.
  if (results.index < 0) return formatCount(results.count, MATCH);
  return `${formatNumber(results.index + 1)} of ${formatNumber(results.count)}`;
}

/**
 * Find in the terminal's screen and scrollback (Ctrl+Shift+F): matches highlighted as you
 * type, Enter / Shift+Enter for next / previous, Escape closes and returns to the shell.
 * `focusSignal` changes each time Ctrl+Shift+F is pressed again, to take the focus back.
 */
export function TerminalFindBar({ find, focusSignal, onClose }: { find: RefObject<TerminalFind | null>; focusSignal: number; onClose: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<FindResults>();

  useEffect(() => find.current?.onResults(setResults), [find]);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusSignal]);

  const go = (direction: 'next' | 'previous') => {
    if (!find.current?.find(query, direction) && query) setResults({ index: -1, count: 0 });
  };

  const close = () => {
    find.current?.clear();
    onClose();
    find.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(event.shiftKey ? 'previous' : 'next');
    }
  };

  const text = resultText(query, results);
  const buttonClass = 'rounded px-1.5 py-0.5 text-zinc-300 hover:bg-zinc-700 disabled:opacity-40 disabled:hover:bg-transparent';

  return (
    <div
      role="search"
      aria-label="Find in terminal"
      className="absolute top-2 right-4 z-20 flex items-center gap-1 rounded-md border border-zinc-700 bg-zinc-900/95 p-1 text-xs text-zinc-200 shadow-lg"
    >
      <input
        ref={inputRef}
        type="search"
        aria-label="Find in terminal"
        placeholder="Find"
        value={query}
        onChange={(event) => {
          const next = event.target.value;
          setQuery(next);
          if (!next) {
            find.current?.clear();
            setResults(undefined);
          } else if (!find.current?.find(next, 'next', { isIncremental: true })) setResults({ index: -1, count: 0 });
        }}
        onKeyDown={onKeyDown}
        className="w-48 rounded border border-zinc-700 bg-zinc-950 px-2 py-1 text-zinc-100 placeholder:text-zinc-500 focus:border-indigo-400 focus:outline-none"
      />
      <span role="status" data-testid="find-count" className="min-w-20 px-1 text-center text-zinc-400 tabular-nums">
        {text}
      </span>
      <button
        type="button"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        className={buttonClass}
        disabled={!query}
        onClick={() => go('previous')}
      >
        ↑
      </button>
      <button type="button" aria-label="Next match" title="Next match (Enter)" className={buttonClass} disabled={!query} onClick={() => go('next')}>
        ↓
      </button>
      <button type="button" aria-label="Close find" title="Close (Escape)" className={buttonClass} onClick={close}>
        ✕
      </button>
    </div>
  );
}
