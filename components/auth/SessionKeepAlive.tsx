'use client';

import { useEffect } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown'] as const;

/**
 * Slides the browser session while the user is active. The session cookie lives only for the
 * idle limit and server-rendered pages cannot renew it, so a click or a key press (terminal
 * typing included) asks next-auth's session route for a fresh one, at most every
 * `refreshSeconds`. Without activity nothing is sent and the session lapses on the server.
 */
export function SessionKeepAlive({ refreshSeconds }: { refreshSeconds: number }) {
  useEffect(() => {
    let lastRefresh = 0;
    let isInFlight = false;
    const refresh = () => {
      const now = Date.now();
      if (isInFlight || now - lastRefresh < refreshSeconds * 1000) return;
      lastRefresh = now;
      isInFlight = true;
      // The answer does not matter here: an ended session is noticed on the next request.
      void fetch('/api/auth/session', { credentials: 'same-origin', cache: 'no-store' })
        .catch(() => undefined)
        .finally(() => {
          isInFlight = false;
        });
    };
    refresh(); // Opening a page is activity too.
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, refresh, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, refresh, { capture: true });
    };
  }, [refreshSeconds]);
  return null;
}
