'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { subscribeLive } from './live-events';

/**
 * Re-renders the page's server components when something it shows changes: one of my
 * requests (`on="requests"`, optionally for one resource), the approvals inbox, or the
 * sessions the user may see (`on="sessions"`, optionally one session).
 */
export function LiveRefresh({ on, resourceId, sessionId }: { on: 'requests' | 'inbox' | 'sessions'; resourceId?: string; sessionId?: string }) {
  const router = useRouter();
  useEffect(
    () =>
      subscribeLive((message) => {
        if (on === 'requests' && message.type === 'request' && (!resourceId || message.resourceId === resourceId)) router.refresh();
        if (on === 'inbox' && message.type === 'inbox' && message.changed) router.refresh();
        if (on === 'sessions' && message.type === 'session' && (!sessionId || message.sessionId === sessionId)) router.refresh();
      }),
    [on, resourceId, sessionId, router],
  );
  return null;
}
