'use client';

import { useEffect, useState } from 'react';
import { formatDuration } from '@/lib/format/duration';
import type { IdleNotice } from './relay-socket';

/**
 * The countdown to the idle limit's end (the resource's own, else PORTHOLE_SESSION_INPUT_IDLE_MINUTES)
 * over every console (terminal, SQL, HTTP), and a way to stay. It floats over the page's foot: a
 * banner would resize the terminal (a resize is input), and the top is the grant warning's. It goes
 * once the gateway says input came; typing does that too.
 */
export function IdleWarning({ notice, what }: { notice: IdleNotice; what: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const secondsLeft = Math.ceil(Math.max(0, notice.endsAt - now) / 1000);
  return (
    <div
      role="alert"
      data-testid="idle-warning"
      className="fixed inset-x-3 bottom-4 z-20 mx-auto flex max-w-lg items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 shadow dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      <span className="min-w-0 flex-1">
        Nothing {what} for a while: Porthole ends this session in <span className="font-medium tabular-nums">{formatDuration(secondsLeft)}</span>.
      </span>
      <button
        type="button"
        onClick={notice.stay}
        className="shrink-0 rounded border border-amber-400 bg-white px-2 py-1 font-medium text-amber-900 hover:bg-amber-100 dark:border-amber-700 dark:bg-amber-900 dark:text-amber-100 dark:hover:bg-amber-800"
      >
        Stay connected
      </button>
    </div>
  );
}
