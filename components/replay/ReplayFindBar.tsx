'use client';

import { useEffect, useRef, type KeyboardEvent } from 'react';
import { findLabel } from './find-bar-state';
import type { ReplayFind } from './use-replay-find';

/**
 * Find across the whole recording (Ctrl+F): Enter / Shift+Enter go to the next / previous
 * hit (the player seeks there and the match is marked on screen), Escape closes. Over the
 * terminal's corner from `sm` up; above it on a phone, where it would hide the first lines.
 */
export function ReplayFindBar({ find, time, onClosed }: { find: ReplayFind; time: () => number; onClosed: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const { state, query } = find;

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [find.focusSignal]);

  const close = () => {
    find.close();
    onClosed();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      find.go(event.shiftKey ? 'previous' : 'next', time());
    }
  };

  const hasHits = state.status === 'ready' && state.hits.length > 0;
  const buttonClass = 'rounded px-1.5 py-0.5 text-zinc-300 hover:bg-zinc-700 disabled:opacity-40 disabled:hover:bg-transparent';
  return (
    <div
      role="search"
      aria-label="Find in recording"
      className="mb-2 flex items-center gap-1 sm:absolute sm:top-2 sm:right-2 sm:z-20 sm:mb-0 sm:max-w-[calc(100%-1rem)] rounded-md border border-zinc-700 bg-zinc-900/95 p-1 text-xs text-zinc-200 shadow-lg"
    >
      <input
        ref={inputRef}
        type="search"
        aria-label="Find in recording"
        placeholder="Find in the whole recording"
        value={query}
        onChange={(event) => find.setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        className="w-44 min-w-0 flex-1 rounded border border-zinc-700 bg-zinc-950 px-2 py-1 text-zinc-100 placeholder:text-zinc-500 focus:border-indigo-400 focus:outline-none sm:w-56 sm:flex-none [&::-webkit-search-cancel-button]:hidden"
      />
      <span
        role="status"
        data-testid="replay-find-count"
        className={`max-w-48 min-w-16 truncate px-1 text-center tabular-nums ${state.status === 'error' ? 'text-red-300' : 'text-zinc-400'}`}
        title={findLabel(state)}
      >
        {findLabel(state)}
      </span>
      <button
        type="button"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        className={buttonClass}
        disabled={!hasHits}
        onClick={() => find.go('previous', time())}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label="Next match"
        title="Next match (Enter)"
        className={buttonClass}
        disabled={!hasHits}
        onClick={() => find.go('next', time())}
      >
        ↓
      </button>
      <button type="button" aria-label="Close find" title="Close (Escape)" className={buttonClass} onClick={close}>
        ✕
      </button>
    </div>
  );
}
