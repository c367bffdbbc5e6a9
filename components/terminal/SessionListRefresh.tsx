'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** While some listed session is live, re-renders the list now and then so states and counters move. */
export function SessionListRefresh({ isLive, everyMs = 10_000 }: { isLive: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!isLive) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [isLive, everyMs, router]);
  return null;
}
