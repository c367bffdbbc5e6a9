'use client';

import { useEffect, useState } from 'react';
import type { SqlWatchEvent } from '@/lib/protocol/sql-watch-protocol';
import { SqlWatchSocket } from '../sql/watch/sql-watch-socket';
import { endingFromClose, endingFromError, endingFromReason, type SessionEnding } from '../terminal/session-ending';
import { requestSocketUrl } from './request-socket-url';

/** Events kept in the page; past it the older half goes (the recording has them all). */
const MAX_EVENTS = 4000;

export type ConsoleWatchStatus = 'connecting' | 'watching' | 'closed' | 'error';
export type ConsoleWatchEvents = { status: ConsoleWatchStatus; events: SqlWatchEvent[]; isTrimmed: boolean; ending?: SessionEnding };

/**
 * Watches a live SQL or HTTP console: the recorded events (`[t, text]`) as the gateway sends
 * them, the bounded history first, then each new one; and how the session ended.
 */
export function useConsoleWatch(sessionId: string, kind: 'sql' | 'http'): ConsoleWatchEvents {
  const [events, setEvents] = useState<SqlWatchEvent[]>([]);
  const [isTrimmed, setIsTrimmed] = useState(false);
  const [status, setStatus] = useState<ConsoleWatchStatus>('connecting');
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
            onExit: (reason, message) => (lastEnding = endingFromReason(reason, message, null, { kind, isOwn: false })),
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
  }, [sessionId, kind]);

  return { status, events, isTrimmed, ending };
}
