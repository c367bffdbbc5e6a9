'use client';

import { useEffect, useMemo, useState } from 'react';
import type { SqlWatchEvent } from '@/lib/protocol/sql-watch-protocol';
import { buildReplayModel, type ReplayEntry } from '@/lib/sql/replay-model';
import { requestSocketUrl } from '../../sessions/request-socket-url';
import { endingFromClose, endingFromError, endingFromReason, type SessionEnding } from '../../terminal/session-ending';
import { SqlWatchSocket } from './sql-watch-socket';

/** Events kept in the page; past it the older half goes (the recording has them all). */
const MAX_EVENTS = 4000;

export type SqlWatchStatus = 'connecting' | 'watching' | 'closed' | 'error';
export type SqlWatchState = { status: SqlWatchStatus; entries: ReplayEntry[]; isTrimmed: boolean; ending?: SessionEnding };

/** Watches a live SQL console: the statement list as the recording has it, kept up to date. */
export function useSqlWatch(sessionId: string): SqlWatchState {
  const [events, setEvents] = useState<SqlWatchEvent[]>([]);
  const [isTrimmed, setIsTrimmed] = useState(false);
  const [status, setStatus] = useState<SqlWatchStatus>('connecting');
  const [ending, setEnding] = useState<SessionEnding>();

  useEffect(() => {
    const abort = new AbortController();
    let socket: SqlWatchSocket | undefined;
    let lastEnding: SessionEnding | undefined;
    const finish = (next: SessionEnding) => {
      setEnding(next);
      setStatus(next.tone === 'error' ? 'error' : 'closed');
    };
    // Deferred so React's development double-mount cancels the first attempt before it spends a ticket.
    const timer = setTimeout(() => {
      requestSocketUrl(sessionId, abort.signal, 'watch-ticket')
        .then((url) => {
          if (abort.signal.aborted) return;
          socket = new SqlWatchSocket(url, {
            onHistory: (history, trimmed) => {
              setEvents(history);
              setIsTrimmed(trimmed);
              setStatus('watching');
            },
            onEvent: (event) => setEvents((list) => (list.length < MAX_EVENTS ? [...list, event] : [...list.slice(-MAX_EVENTS / 2), event])),
            onExit: (reason, message) => (lastEnding = endingFromReason(reason, message, null, { kind: 'sql', isOwn: false })),
            onError: (message) => (lastEnding = endingFromError(message)),
            onClose: (code, reason) => finish(lastEnding ?? endingFromClose(code, reason)),
          });
        })
        .catch((error: unknown) => !abort.signal.aborted && finish(endingFromError(error instanceof Error ? error.message : 'Could not watch the session.')));
    }, 0);
    return () => {
      clearTimeout(timer);
      abort.abort();
      socket?.dispose();
    };
  }, [sessionId]);

  const entries = useMemo(() => buildReplayModel(events.map(([t, data]) => [t, 'm', data])).entries, [events]);
  return { status, entries, isTrimmed, ending };
}
