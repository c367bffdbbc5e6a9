'use client';

import { useEffect, useRef, useState } from 'react';
import { requestSocketUrl } from '../sessions/request-socket-url';
import { TERMINAL_THEME } from './terminal-theme';
import { WatchView, type WatchState } from './watch-view';

declare global {
  interface Window {
    /** What tests read: the watched screen's text. */
    __portholeWatch?: { text: () => string };
  }
}

/**
 * The read-only terminal of a watched session. Client-only (xterm touches the DOM): import
 * it through `next/dynamic` with `ssr: false`, as WatchScreen does.
 */
export default function WatchTerminal({ sessionId, onStateChange }: { sessionId: string; onStateChange: (state: WatchState) => void }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<WatchState['status']>('connecting');
  const onChange = useRef(onStateChange);
  onChange.current = onStateChange;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const abort = new AbortController();
    const view = new WatchView(container, (state) => {
      if (abort.signal.aborted) return;
      setStatus(state.status);
      onChange.current(state);
    });
    const handle = { text: () => view.text() };
    window.__portholeWatch = handle;
    // Deferred so React's development double-mount cancels the first attempt before it spends a ticket.
    const timer = setTimeout(() => {
      requestSocketUrl(sessionId, abort.signal, 'watch-ticket')
        .then((url) => !abort.signal.aborted && view.connect(url))
        .catch((error: unknown) => !abort.signal.aborted && view.fail(error instanceof Error ? error.message : 'Could not watch the session.'));
    }, 0);
    return () => {
      clearTimeout(timer);
      abort.abort();
      view.dispose();
      if (window.__portholeWatch === handle) delete window.__portholeWatch;
    };
  }, [sessionId]);

  return (
    <div data-testid="watch-terminal" data-status={status} className="h-full w-full overflow-hidden p-2" style={{ backgroundColor: TERMINAL_THEME.background }}>
      <div ref={containerRef} className="h-full w-full" aria-label="Watched terminal (read-only)" role="region" />
    </div>
  );
}
