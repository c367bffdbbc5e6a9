'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { subscribeLive } from './live-events';

/**
 * Re-renders the page's server components when something it shows changes: one of my
 * requests (`on="requests"`, optionally for one resource) or the approvals inbox.
 */
export function LiveRefresh({ on, resourceId }: { on: 'requests' | 'inbox'; resourceId?: string }) {
  const router = useRouter();
  useEffect(
    () =>
      subscribeLive((message) => {
        if (on === 'requests' && message.type === 'request' && (!resourceId || message.resourceId === resourceId)) router.refresh();
        if (on === 'inbox' && message.type === 'inbox' && message.changed) router.refresh();
      }),
    [on, resourceId, router],
  );
  return null;
}
