'use client';

import { useEffect, useState } from 'react';
import { formatDuration } from '@/lib/format/duration';

/** Terminals and SQL consoles warn this long before the grant behind the session ends. */
const GRANT_WARNING_MS = 5 * 60_000;

/**
 * For a status bar: the time left in the grant behind the session, and a warning in its last
 * five minutes (the session closes when the grant ends). The warning floats over the console's
 * controls, so it can be dismissed; the amber countdown stays. `resourceId`: the warning links to
 * the resource page, where more time is asked for, in a new tab (leaving this one would end the
 * session); once approved, the gateway moves `expiresAt` on.
 */
export function GrantTimeLeft({ expiresAt, resourceId }: { expiresAt: number; resourceId?: string | null }) {
  const [now, setNow] = useState(() => Date.now());
  // Keyed on `expiresAt` where it is used: a new end (more time, or the added time revoked) brings its own warning.
  const [isDismissed, setDismissed] = useState(false);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = expiresAt - now;
  const isEnding = left <= GRANT_WARNING_MS;
  return (
    <>
      <span
        data-testid="grant-time-left"
        className={`whitespace-nowrap tabular-nums ${isEnding ? 'font-medium text-amber-700 dark:text-amber-400' : ''}`}
        title={`Access ends at ${new Date(expiresAt).toLocaleString()}`}
      >
        <span className="hidden sm:inline">Access: </span>
        {formatDuration(left / 1000)} left
      </span>
      {isEnding && !isDismissed ? (
        <span
          role="alert"
          className="fixed top-10 right-3 z-10 flex max-w-[calc(100vw-1.5rem)] items-start gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 shadow dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
        >
          <span>
            Your access ends in {formatDuration(left / 1000)}. The session will close then
            {resourceId ? (
              <>
                {' '}
                unless more time is approved:{' '}
                <a href={`/resources/${resourceId}`} target="_blank" rel="noopener" className="font-medium underline underline-offset-2">
                  ask for more time
                </a>{' '}
                (in a new tab).
              </>
            ) : (
              '; request more time if you need it.'
            )}
          </span>
          <button type="button" onClick={() => setDismissed(true)} className="shrink-0 rounded px-1.5 font-medium underline-offset-2 hover:underline">
            Dismiss
          </button>
        </span>
      ) : null}
    </>
  );
}
