'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordingSearchResponse } from '@/lib/search/search-types';
import { hitSeekTime, stepHit, type FindState } from './find-bar-state';

/** Typing pauses this long before the recording is searched (one request per pause, not per key). */
const DEBOUNCE_MS = 250;

async function fetchHits(recordingId: string, query: string, signal: AbortSignal): Promise<RecordingSearchResponse> {
  const response = await fetch(`/api/v1/recordings/${recordingId}/search?${new URLSearchParams({ q: query }).toString()}`, {
    credentials: 'same-origin',
    signal,
  });
  if (response.ok) return (await response.json()) as RecordingSearchResponse;
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new Error(body?.error?.message ?? `The search failed (HTTP ${response.status}).`);
}

/**
 * The replay's find bar: searches the whole recording (not only the screen) through the API,
 * steps through the hits and seeks the player to each. Opened by a `?q=` link, it starts on
 * the hit the link pointed at.
 */
export function useReplayFind({
  recordingId,
  initialQuery,
  initialTime,
  seek,
}: {
  recordingId: string;
  initialQuery: string;
  initialTime: number;
  seek: (t: number) => void;
}) {
  const [isOpen, setOpen] = useState(initialQuery.trim() !== '');
  const [query, setQuery] = useState(initialQuery);
  const [state, setState] = useState<FindState>({ status: 'idle' });
  const [focusSignal, setFocusSignal] = useState(0);
  // The link's own hit is chosen once, for the first answer to the link's query.
  const landing = useRef<{ query: string; time: number } | null>(initialQuery.trim() ? { query: initialQuery.trim(), time: initialTime } : null);

  useEffect(() => {
    const q = query.trim();
    if (!isOpen || !q) {
      setState({ status: 'idle' });
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setState({ status: 'searching', query: q });
      fetchHits(recordingId, q, abort.signal).then(
        (result) => {
          const isLanding = landing.current?.query === q;
          const index = isLanding && landing.current ? stepHit(result.hits, -1, landing.current.time, 'next') : -1;
          landing.current = null;
          setState({ status: 'ready', query: q, hits: result.hits, truncated: result.truncated, index });
        },
        (error: unknown) => {
          if (!abort.signal.aborted) setState({ status: 'error', query: q, message: error instanceof Error ? error.message : 'The search failed.' });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [recordingId, query, isOpen]);

  const go = useCallback(
    (direction: 'next' | 'previous', time: number) => {
      if (state.status !== 'ready') return;
      const index = stepHit(state.hits, state.index, time, direction);
      const hit = state.hits[index];
      if (!hit) return;
      setState({ ...state, index });
      seek(hitSeekTime(hit));
    },
    [state, seek],
  );

  const open = useCallback(() => {
    setOpen(true);
    setFocusSignal((n) => n + 1);
  }, []);
  const close = useCallback(() => setOpen(false), []);

  return { isOpen, query, setQuery, state, go, open, close, focusSignal, hits: state.status === 'ready' ? state.hits : [] };
}

export type ReplayFind = ReturnType<typeof useReplayFind>;
