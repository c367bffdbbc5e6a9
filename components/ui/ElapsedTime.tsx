'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { formatDuration } from '@/lib/format/duration';

/**
 * Time since `since` (ms since the epoch), ticking every second: how long a live session has
 * run. Server and browser clocks differ, hence the suppressed hydration warning.
 */
export function ElapsedTime({ since, className, title, label }: { since: number; className?: string; title?: string; label?: ReactNode }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className={className} title={title} suppressHydrationWarning>
      {label}
      {formatDuration(Math.max(0, now - since) / 1000)}
    </span>
  );
}
